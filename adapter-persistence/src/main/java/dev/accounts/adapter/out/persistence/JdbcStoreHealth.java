package dev.accounts.adapter.out.persistence;

import dev.accounts.application.port.out.StoreHealth;
import java.sql.Connection;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether PostgreSQL answers a round trip within the time limit. The check runs on a virtual thread of its own,
 * so a pool waiting for a connection cannot hold a readiness probe longer than the limit.
 */
public final class JdbcStoreHealth implements StoreHealth {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStoreHealth.class);

    private final DataSource dataSource;
    private final Duration timeout;

    public JdbcStoreHealth(DataSource dataSource, Duration timeout) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** Never throws: anything but a valid connection within the limit is "not available". */
    @Override
    public boolean isAvailable() {
        FutureTask<Boolean> check = new FutureTask<>(this::answers);
        Thread.ofVirtual().name("store-health").start(check);
        try {
            return check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            check.cancel(true);
            LOG.debug("The database did not answer within {} ms", timeout.toMillis());
            return false;
        } catch (ExecutionException e) {
            LOG.debug("The database is not available: {}", e.getCause().toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean answers() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            // isValid takes whole seconds; the caller's own time limit is the precise one.
            return connection.isValid((int) Math.max(1, (timeout.toMillis() + 999) / 1000));
        }
    }
}
