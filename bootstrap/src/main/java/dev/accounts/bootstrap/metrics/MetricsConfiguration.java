package dev.accounts.bootstrap.metrics;

import dev.accounts.adapter.out.persistence.CachingSessionStore;
import dev.accounts.application.port.out.MailQueueStatistics;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The metrics of one running service, in its core context: a registry of its own (never Micrometer's global one, so
 * two services in one JVM, as in tests, do not mix their figures) and everything that feeds it; the HTTP timer is
 * fed by {@link HttpRequestMetricsFilter}. The web context serves the registry ({@link MetricsEndpointConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    /** The timer {@link HttpRequestMetricsFilter} records each request in (the name Spring's own filter uses). */
    static final String HTTP_SERVER_REQUESTS = "http.server.requests";
    /** Histogram buckets for request latency: enough for SLO alerts, few enough per route and status. */
    private static final double[] HTTP_BUCKETS_NANOS = Arrays.stream(new Duration[]{Duration.ofMillis(5),
                    Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
                    Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
                    Duration.ofSeconds(5), Duration.ofSeconds(10)})
            .mapToDouble(Duration::toNanos).toArray();

    @Bean(destroyMethod = "close")
    PrometheusMeterRegistry meterRegistry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(httpLatencyBuckets());
        return registry;
    }

    /** Static: a post-processor must exist before the beans it processes. */
    @Bean
    static MeteredPorts meteredPorts(ObjectProvider<MeterRegistry> registry) {
        return new MeteredPorts(registry);
    }

    @Bean(destroyMethod = "close")
    RuntimeMetrics runtimeMetrics(MeterRegistry registry) {
        return new RuntimeMetrics(registry);
    }

    @Bean
    ConnectionPoolMetrics connectionPoolMetrics(ObjectProvider<DataSource> dataSource, MeterRegistry registry) {
        return new ConnectionPoolMetrics(dataSource.getIfAvailable(), registry);
    }

    /** Without the session cache (the in-memory store), no cache meters. */
    @Bean
    SessionCacheMetrics sessionCacheMetrics(ObjectProvider<CachingSessionStore> cache, MeterRegistry registry) {
        return new SessionCacheMetrics(cache.getIfAvailable(), registry);
    }

    /** Without outbox statistics from the store configuration, there are no outbox gauges (rather than no start). */
    @Bean
    MailQueueGauges mailQueueGauges(ObjectProvider<MailQueueStatistics> statistics, Clock clock, MeterRegistry registry) {
        return new MailQueueGauges(registry, statistics.getIfAvailable(), clock);
    }

    private static MeterFilter httpLatencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(HTTP_SERVER_REQUESTS) || id.getType() != Meter.Type.TIMER) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(HTTP_BUCKETS_NANOS).build()
                        .merge(config);
            }
        };
    }
}
