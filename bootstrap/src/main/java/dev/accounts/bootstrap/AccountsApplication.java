package dev.accounts.bootstrap;

import dev.accounts.adapter.in.rest.RequestBodyLimitFilter;
import dev.accounts.adapter.in.rest.SecurityHeadersFilter;
import java.net.URI;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Starts Accounts: the core context (database, use cases, mail worker) first, so a bad database fails the
 * start before any port is opened; then the web context and Tomcat. {@link #close()} stops them in reverse:
 * no new requests, in-flight ones finish, the worker stops, the pool closes, the embedded database stops.
 */
public final class AccountsApplication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AccountsApplication.class);

    private final AnnotationConfigApplicationContext core;
    private final EmbeddedTomcat web;

    private AccountsApplication(AnnotationConfigApplicationContext core, EmbeddedTomcat web) {
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
            LOG.info("Starting Accounts: {}", settings.describe());
            AccountsApplication application = start(settings);
            Runtime.getRuntime().addShutdownHook(new Thread(application::close, "accounts-shutdown"));
            LOG.info("Accounts is ready");
            System.out.println("Accounts is ready at " + application.localUrl());
        } catch (ConfigurationException | StartupException e) {
            LOG.debug("Start-up failed", e);
            System.err.println("accounts: " + e.getMessage());
            System.exit(1);
        }
    }

    public static AccountsApplication start(AccountsSettings settings) {
        AnnotationConfigApplicationContext core = new AnnotationConfigApplicationContext();
        core.registerBean(AccountsSettings.class, () -> settings);
        core.register(CoreConfiguration.class, PersistenceConfiguration.class, MailConfiguration.class);
        try {
            core.refresh();
        } catch (RuntimeException e) {
            closeQuietly(core);
            throw new StartupException(describeCoreFailure(e, settings), e);
        }
        AnnotationConfigWebApplicationContext webContext = new AnnotationConfigWebApplicationContext();
        webContext.setParent(core);
        webContext.register(WebConfiguration.class);
        try {
            boolean https = "https".equals(settings.mail().publicUrl().getScheme());
            // Headers first, so that even a 413 from the body limit carries them.
            EmbeddedTomcat tomcat = EmbeddedTomcat.start(settings.http().address(), settings.http().port(),
                    new DispatcherServlet(webContext), new SecurityHeadersFilter(https),
                    new RequestBodyLimitFilter(settings.http().maxBodyBytes()));
            return new AccountsApplication(core, tomcat);
        } catch (RuntimeException e) {
            closeQuietly(core);
            throw e instanceof StartupException ? e : new StartupException(StartupException.rootMessage(e), e);
        }
    }

    public int port() {
        return web.port();
    }

    public URI localUrl() {
        return URI.create("http://localhost:" + port());
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

    private static String describeCoreFailure(RuntimeException failure, AccountsSettings settings) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                String where = settings.database().url().orElse("the embedded PostgreSQL");
                return "cannot use the database at " + where + ": " + StartupException.rootMessage(t);
            }
            if (t instanceof ConfigurationException) {
                return t.getMessage();
            }
        }
        return StartupException.rootMessage(failure);
    }

    private static void closeQuietly(AnnotationConfigApplicationContext context) {
        try {
            context.close();
        } catch (RuntimeException ignored) {
            // Start-up already failed; that failure is the one worth reporting.
        }
    }
}
