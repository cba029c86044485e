package dev.accounts.bootstrap;

import dev.accounts.bootstrap.metrics.MetricsConfiguration;
import java.sql.SQLException;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The core of a running Accounts: store (a database, or memory), use cases, mail worker, without the web server. The
 * server runs on it; the command-line tools ({@link SuperuserCommand}) use it alone.
 */
final class CoreContext implements AutoCloseable {

    private final AnnotationConfigApplicationContext context;

    private CoreContext(AnnotationConfigApplicationContext context) {
        this.context = context;
    }

    /** @throws StartupException with one line saying what went wrong (the database, a setting) */
    static CoreContext start(AccountsSettings settings) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean(AccountsSettings.class, () -> settings);
        context.register(CoreConfiguration.class, storeConfiguration(settings), MailConfiguration.class,
                MetricsConfiguration.class);
        try {
            context.refresh();
            return new CoreContext(context);
        } catch (RuntimeException e) {
            closeQuietly(context);
            throw new StartupException(describe(e, settings), e);
        }
    }

    /** The adapter behind the store ports: PostgreSQL, or memory, where no database is started or connected. */
    private static Class<?> storeConfiguration(AccountsSettings settings) {
        return switch (settings.store()) {
            case POSTGRES -> PersistenceConfiguration.class;
            case MEMORY -> InMemoryStoreConfiguration.class;
        };
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    ApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }

    private static String describe(RuntimeException failure, AccountsSettings settings) {
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
