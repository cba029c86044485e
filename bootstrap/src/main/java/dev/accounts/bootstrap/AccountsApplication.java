package dev.accounts.bootstrap;

import dev.accounts.adapter.in.rest.CorsAllowlistFilter;
import dev.accounts.adapter.in.rest.RequestBodyLimitFilter;
import dev.accounts.adapter.in.rest.SecurityHeadersFilter;
import dev.accounts.bootstrap.logging.ConsoleLogFormat;
import dev.accounts.bootstrap.logging.LogFormat;
import dev.accounts.bootstrap.logging.RequestIdFilter;
import dev.accounts.bootstrap.metrics.MetricsEndpointConfiguration;
import dev.accounts.bootstrap.metrics.HttpRequestMetricsFilter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Starts Accounts: the core context (database, use cases, mail worker) first, so a bad database fails the
 * start before any port is opened; then the web context and Tomcat. {@link #close()} stops them in reverse:
 * no new requests, in-flight ones finish, the worker stops, the pool closes, the embedded database stops.
 */
public final class AccountsApplication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AccountsApplication.class);

    private final CoreContext core;
    private final EmbeddedTomcat web;

    private AccountsApplication(CoreContext core, EmbeddedTomcat web) {
        this.core = core;
        this.web = web;
    }

    public static void main(String[] args) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        try {
            AccountsSettings settings = AccountsSettings.fromEnvironment(System.getenv());
            if (args.length > 0 && args[0].equals(SuperuserCommand.NAME)) {
                System.exit(SuperuserCommand.run(settings, args, System.console(),
                        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out, System.err));
            }
            if (args.length > 0) {
                System.err.println("accounts: unknown command '" + args[0] + "' (known: " + SuperuserCommand.NAME + ")");
                System.exit(2);
            }
            LogFormat logFormat = settings.observability().logFormat();
            ConsoleLogFormat.use(logFormat);
            LOG.info("Starting Accounts: {}", settings.describe());
            AccountsApplication application = start(settings);
            Runtime.getRuntime().addShutdownHook(new Thread(application::close, "accounts-shutdown"));
            if (logFormat == LogFormat.JSON) {
                // Standard output then carries nothing but JSON objects, this line included.
                LOG.info("Accounts is ready at {}", application.localUrl());
            } else {
                LOG.info("Accounts is ready");
                System.out.println("Accounts is ready at " + application.localUrl());
            }
        } catch (ConfigurationException | StartupException e) {
            LOG.debug("Start-up failed", e);
            System.err.println("accounts: " + e.getMessage());
            System.exit(1);
        }
    }

    public static AccountsApplication start(AccountsSettings settings) {
        CoreContext core = CoreContext.start(settings);
        AnnotationConfigWebApplicationContext webContext = new AnnotationConfigWebApplicationContext();
        webContext.setParent(core.context());
        webContext.register(WebConfiguration.class, MetricsEndpointConfiguration.class);
        try {
            boolean https = "https".equals(settings.mail().publicUrl().getScheme());
            // The request id first, so every line logged for a request carries it; then the HTTP metrics, so they
            // see every answer; then the headers, so that even a 413 from the body limit or a refused CORS
            // preflight carries them.
            EmbeddedTomcat tomcat = EmbeddedTomcat.start(settings.http().address(), settings.http().port(), https,
                    dispatcherServlet(webContext), new RequestIdFilter(),
                    new HttpRequestMetricsFilter(core.bean(MeterRegistry.class)), new SecurityHeadersFilter(https),
                    new CorsAllowlistFilter(settings.security().corsAllowedOrigins()),
                    new RequestBodyLimitFilter(settings.http().maxBodyBytes()));
            return new AccountsApplication(core, tomcat);
        } catch (RuntimeException e) {
            core.close();
            throw e instanceof StartupException ? e : new StartupException(StartupException.rootMessage(e), e);
        }
    }

    /**
     * Without an event per request: nothing listens for Spring's {@code ServletRequestHandledEvent}, and publishing
     * one to no one was 2 % of the CPU of a {@code GET /api/users/me}.
     */
    private static DispatcherServlet dispatcherServlet(AnnotationConfigWebApplicationContext webContext) {
        DispatcherServlet servlet = new DispatcherServlet(webContext);
        servlet.setPublishEvents(false);
        return servlet;
    }

    public int port() {
        return web.port();
    }

    public URI localUrl() {
        return URI.create("http://localhost:" + port());
    }

    /** For tests of this module: a bean of the running core (the data source, say). */
    <T> T bean(Class<T> type) {
        return core.bean(type);
    }

    @Override
    public synchronized void close() {
        LOG.info("Stopping Accounts");
        try {
            web.close();
        } finally {
            core.close();
        }
        LOG.info("Accounts stopped");
    }
}
