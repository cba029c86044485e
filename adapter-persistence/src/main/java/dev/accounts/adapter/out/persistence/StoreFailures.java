package dev.accounts.adapter.out.persistence;

import dev.accounts.application.port.out.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a database that cannot be reached from a statement that failed, so that the first becomes a
 * {@link StoreUnavailableException} (the caller may retry later) and the second propagates unchanged.
 */
final class StoreFailures {

    static final String UNAVAILABLE = "the database cannot be reached";
    /** admin_shutdown, crash_shutdown, cannot_connect_now: the server is going away or not there yet. */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

    private StoreFailures() {
    }

    /** Runs database work, turning a lost or refused connection into a {@link StoreUnavailableException}. */
    static <T> T translated(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    static RuntimeException translate(RuntimeException failure) {
        if (failure instanceof StoreUnavailableException || !isConnectionFailure(failure)) {
            return failure;
        }
        return new StoreUnavailableException(UNAVAILABLE, failure);
    }

    static boolean isConnectionFailure(Throwable failure) {
        return Causes.of(failure).anyMatch(cause -> cause instanceof CannotGetJdbcConnectionException
                || cause instanceof CannotCreateTransactionException
                || cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException
                || cause instanceof SQLException sql && isConnectionState(sql.getSQLState()));
    }

    private static boolean isConnectionState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || SERVER_GOING_AWAY.contains(sqlState));
    }
}
