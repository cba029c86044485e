package dev.accounts.bootstrap;

import com.zaxxer.hikari.HikariDataSource;
import dev.accounts.adapter.out.persistence.DatabaseMigrations;
import dev.accounts.adapter.out.persistence.EmbeddedPostgres;
import dev.accounts.adapter.out.persistence.PostgresDataSources;
import javax.sql.DataSource;

/**
 * The database the service runs on: the configured PostgreSQL, or an embedded one started here. Owns the
 * connection pool and, when embedded, the server, and closes them in that order.
 */
final class Database implements AutoCloseable {

    /** Names the session change feed's connection in {@code pg_stat_activity}. */
    static final String FEED_APPLICATION_NAME = "accounts-session-changes";

    private final EmbeddedPostgres embedded;
    private final HikariDataSource dataSource;
    private final DataSource unpooled;

    private Database(EmbeddedPostgres embedded, HikariDataSource dataSource) {
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.unpooled = PostgresDataSources.unpooled(dataSource.getJdbcUrl(), dataSource.getUsername(),
                dataSource.getPassword(), FEED_APPLICATION_NAME);
    }

    static Database open(AccountsSettings.Database settings) {
        if (!settings.embedded()) {
            return migrated(null, PostgresDataSources.create(settings.url().orElseThrow(), settings.username(),
                    settings.password(), settings.poolSize()));
        }
        EmbeddedPostgres server = EmbeddedPostgres.start(settings.dataDirectory());
        try {
            return migrated(server, PostgresDataSources.create(server.jdbcUrl(), server.username(), server.password(),
                    settings.poolSize()));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static Database migrated(EmbeddedPostgres server, HikariDataSource pool) {
        try {
            DatabaseMigrations.migrate(pool);
            return new Database(server, pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** New connections outside the pool, for the one connection held for good: the session change feed's. */
    DataSource unpooled() {
        return unpooled;
    }

    @Override
    public void close() {
        dataSource.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
