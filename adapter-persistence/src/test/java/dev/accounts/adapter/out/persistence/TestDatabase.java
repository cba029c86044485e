package dev.accounts.adapter.out.persistence;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * One temporary PostgreSQL with the migrated schema, wired as the service wires it: pool, jOOQ, Spring
 * transactions. Shared by every test in the JVM through {@link SharedDatabase}.
 */
final class TestDatabase implements AutoCloseable {

    private static final int POOL_SIZE = 20;

    private final EmbeddedPostgres postgres;
    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final SpringTransactions transactions;

    private TestDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.dataSource = PostgresDataSources.create(postgres.jdbcUrl(), postgres.username(), postgres.password(), POOL_SIZE);
        this.dsl = JooqContexts.create(dataSource);
        this.transactions = new SpringTransactions(new DataSourceTransactionManager(dataSource));
    }

    static TestDatabase startMigrated() {
        EmbeddedPostgres postgres = EmbeddedPostgres.startTemporary();
        try {
            TestDatabase database = new TestDatabase(postgres);
            DatabaseMigrations.migrate(database.dataSource);
            return database;
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** New connections outside the pool, named {@code applicationName} in {@code pg_stat_activity}. */
    DataSource unpooled(String applicationName) {
        return PostgresDataSources.unpooled(postgres.jdbcUrl(), postgres.username(), postgres.password(),
                applicationName);
    }

    DSLContext dsl() {
        return dsl;
    }

    SpringTransactions transactions() {
        return transactions;
    }

    /**
     * Empties every table but {@code audit_events}, so each test starts from nothing. The audit trail is append-only
     * in the database itself (a trigger refuses TRUNCATE), so its tests find their rows by their own user ids and
     * client addresses instead.
     */
    void clear() {
        dsl.execute("TRUNCATE users, profiles, sessions, email_tokens, mail_outbox, login_throttle");
    }

    @Override
    public void close() {
        try {
            dataSource.close();
        } finally {
            postgres.close();
        }
    }
}
