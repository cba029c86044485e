package dev.accounts.bootstrap.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.binder.tomcat.TomcatMetrics;

/**
 * What the service runs on: JVM memory, garbage collection, threads, class loading and version; process CPU, uptime
 * and open files; embedded Tomcat's threads and request totals (read from its JMX beans once it has started).
 * Closing it stops the listeners that garbage collection and Tomcat metrics keep.
 */
final class RuntimeMetrics implements AutoCloseable {

    /** The JMX domain of embedded Tomcat (a standalone one uses "Catalina"). */
    private static final String EMBEDDED_TOMCAT_JMX_DOMAIN = "Tomcat";

    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final TomcatMetrics tomcat = new TomcatMetrics(null, Tags.empty());

    RuntimeMetrics(MeterRegistry registry) {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        // Bound before Tomcat starts, so it cannot guess the domain from the beans; it binds them as they appear.
        tomcat.setJmxDomain(EMBEDDED_TOMCAT_JMX_DOMAIN);
        tomcat.bindTo(registry);
    }

    @Override
    public void close() {
        gc.close();
        tomcat.close();
    }
}
