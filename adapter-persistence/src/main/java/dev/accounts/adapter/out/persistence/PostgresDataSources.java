package dev.accounts.adapter.out.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** The connection pool to PostgreSQL, set up to fail fast when the database is down instead of queueing requests. */
public final class PostgresDataSources {

    public static final String POOL_NAME = "accounts";
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration KEEPALIVE = Duration.ofMinutes(2);
    private static final Duration MAX_LIFETIME = Duration.ofMinutes(30);
    /** Bounds a query on a server that stopped answering; far above anything this service runs. */
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

    private PostgresDataSources() {
    }

    /**
     * A pool of at most {@code maximumPoolSize} connections. It starts without connecting, so a database that
     * is down does not stop the service from starting (readiness reports it); running the migrations does.
     * Close it when done.
     */
    public static HikariDataSource create(String jdbcUrl, String username, String password, int maximumPoolSize) {
        if (maximumPoolSize < 1) {
            throw new IllegalArgumentException("maximumPoolSize must be at least 1");
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName(POOL_NAME);
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(username);
        config.setPassword(password);
        config.setMaximumPoolSize(maximumPoolSize);
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
        config.setKeepaliveTime(KEEPALIVE.toMillis());
        config.setMaxLifetime(MAX_LIFETIME.toMillis());
        config.setInitializationFailTimeout(-1);
        driverProperties(POOL_NAME).forEach(config::addDataSourceProperty);
        return new HikariDataSource(config);
    }

    /** What the PostgreSQL driver is told on every connection, pooled or not. */
    private static Map<String, String> driverProperties(String applicationName) {
        return Map.of(
                "ApplicationName", applicationName,
                "connectTimeout", Long.toString(CONNECTION_TIMEOUT.toSeconds()),
                "socketTimeout", Long.toString(SOCKET_TIMEOUT.toSeconds()),
                "tcpKeepAlive", "true",
                // The server's DETAIL line repeats the offending values (e.g. the address of a duplicate key): keep
                // it out of exception messages, which reach logs. The constraint name stays available to the code.
                "logServerErrorDetail", "false");
    }

    /**
     * Connections outside the pool, a new one on each call, set up like the pool's: for the one connection that is
     * held for good ({@link SessionChangeFeed}'s), which the pool would otherwise lose a slot to.
     */
    public static DataSource unpooled(String jdbcUrl, String username, String password, String applicationName) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl);
        dataSource.setUser(username);
        dataSource.setPassword(password);
        try {
            for (Map.Entry<String, String> property : driverProperties(applicationName).entrySet()) {
                dataSource.setProperty(property.getKey(), property.getValue());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the PostgreSQL driver refused a connection property", e);
        }
        return dataSource;
    }
}
