package dev.accounts.adapter.out.persistence;

import java.sql.Connection;
import java.util.Objects;
import javax.sql.DataSource;
import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Gives jOOQ the connection of the current Spring transaction when there is one, and a pooled connection for the one
 * statement otherwise; on release, the transaction's connection stays open and any other goes back to the pool.
 *
 * <p>This is what {@code TransactionAwareDataSourceProxy} does too, but that class hands out a reflective proxy whose
 * every JDBC call goes through an invocation handler: a tenth of the CPU of a {@code GET /api/users/me} in the
 * benchmark. Asking {@link DataSourceUtils} directly gives the same connections with no proxy in between.
 */
final class SpringConnections implements ConnectionProvider {

    private final DataSource dataSource;
    private final HeldInserts held;

    SpringConnections(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.held = new HeldInserts(dataSource);
    }

    /** Where inserts wait for the transaction's next statement or its commit ({@link HeldInserts}). */
    HeldInserts held() {
        return held;
    }

    /** The connection, after the inserts the transaction holds have gone out on it: a statement sees them. */
    @Override
    public Connection acquire() {
        Connection connection;
        try {
            connection = DataSourceUtils.getConnection(dataSource);
        } catch (CannotGetJdbcConnectionException e) {
            // Kept as the cause: StoreFailures recognises it as the database being unreachable.
            throw new DataAccessException("cannot get a database connection", e);
        }
        try {
            held.send(connection);
            return connection;
        } catch (RuntimeException e) {
            release(connection);
            throw e;
        }
    }

    @Override
    public void release(Connection connection) {
        DataSourceUtils.releaseConnection(connection, dataSource);
    }
}
