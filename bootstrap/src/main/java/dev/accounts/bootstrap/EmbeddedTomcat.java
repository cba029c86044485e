package dev.accounts.bootstrap;

import dev.accounts.adapter.in.rest.ProblemCoyoteAdapter;
import dev.accounts.adapter.in.rest.ProblemErrorReportValve;
import jakarta.servlet.Filter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.core.StandardHost;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.springframework.web.servlet.DispatcherServlet;

/** Embedded Tomcat serving one DispatcherServlet at the root, with the request filters in front of it. */
final class EmbeddedTomcat implements AutoCloseable {

    /** How long in-flight requests get to finish on shutdown. */
    private static final int DRAIN_MILLIS = 20_000;

    private final Tomcat tomcat;
    private final Connector connector;
    private final Path baseDirectory;

    private EmbeddedTomcat(Tomcat tomcat, Connector connector, Path baseDirectory) {
        this.tomcat = tomcat;
        this.connector = connector;
        this.baseDirectory = baseDirectory;
    }

    static EmbeddedTomcat start(String address, int port, boolean https, DispatcherServlet dispatcher, Filter... filters) {
        Path baseDirectory = temporaryBaseDirectory();
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDirectory.toString());
        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(port);
        connector.setProperty("address", address);
        connector.setThrowOnFailure(true);
        connector.setXpoweredBy(false);
        tomcat.setConnector(connector);

        Context context = tomcat.addContext("", baseDirectory.toString());
        // Stopping waits this long for requests still inside the servlet before unloading it.
        ((StandardContext) context).setUnloadDelay(DRAIN_MILLIS);
        Tomcat.addServlet(context, "dispatcher", dispatcher).setLoadOnStartup(1);
        context.addServletMappingDecoded("/", "dispatcher");
        for (int i = 0; i < filters.length; i++) {
            addFilter(context, "filter-" + i, filters[i]);
        }
        // Errors Tomcat answers itself (a malformed URI, say) become problems with the usual headers, never Tomcat's
        // HTML page with its version. Naming the class stops Tomcat from adding its own report valve beside ours.
        StandardHost host = (StandardHost) tomcat.getHost();
        host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        host.getPipeline().addValve(new ProblemErrorReportValve(https));
        // The one error Tomcat answers before the host (a malformed OPTIONS *) gets its problem in the connector.
        ProblemCoyoteAdapter.installOn(connector, https);

        try {
            tomcat.start();
        } catch (LifecycleException e) {
            destroyQuietly(tomcat);
            if (hasCause(e, BindException.class)) {
                throw new StartupException("port " + port + " on " + address + " is already in use (set ACCOUNTS_HTTP_PORT)", e);
            }
            throw new StartupException("the web server did not start: " + StartupException.rootMessage(e), e);
        }
        return new EmbeddedTomcat(tomcat, connector, baseDirectory);
    }

    int port() {
        return connector.getLocalPort();
    }

    /** Stops accepting, lets in-flight requests finish (bounded), then stops. */
    @Override
    public void close() {
        try {
            connector.pause();
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new IllegalStateException("the web server did not stop cleanly", e);
        } finally {
            deleteQuietly(baseDirectory);
        }
    }

    private static void addFilter(Context context, String name, Filter filter) {
        FilterDef definition = new FilterDef();
        definition.setFilterName(name);
        definition.setFilter(filter);
        definition.setAsyncSupported("true");
        context.addFilterDef(definition);
        FilterMap mapping = new FilterMap();
        mapping.setFilterName(name);
        mapping.addURLPattern("/*");
        context.addFilterMap(mapping);
    }

    private static Path temporaryBaseDirectory() {
        try {
            return Files.createTempDirectory("accounts-tomcat-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static void destroyQuietly(Tomcat tomcat) {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException | RuntimeException ignored) {
            // Start-up already failed; that failure is the one worth reporting.
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // A temp directory left behind is harmless.
        }
    }
}
