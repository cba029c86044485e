package dev.accounts.bootstrap.metrics;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The connection pool's own meters ({@code hikaricp.connections.active}, {@code .idle}, {@code .pending},
 * {@code .max}, {@code .timeout}, {@code .acquire}, {@code .usage}, ... tagged {@code pool="accounts"}), from
 * HikariCP's Micrometer tracker. Nothing when the service runs without a database.
 */
final class ConnectionPoolMetrics {

    /** @param dataSource the service's pool, or null when it has none */
    ConnectionPoolMetrics(DataSource dataSource, MeterRegistry registry) {
        try {
            if (dataSource != null && dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class)
                        .setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the connection pool to measure it", e);
        }
    }
}
