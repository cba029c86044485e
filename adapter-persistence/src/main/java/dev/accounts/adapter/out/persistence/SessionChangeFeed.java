package dev.accounts.adapter.out.persistence;

import dev.accounts.domain.user.UserId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears the commits that change what a session shows, from the {@value #CHANNEL} notifications the V6 triggers send,
 * on a connection of its own outside the pool, and passes them to a {@link Subscriber}. The subscriber is also told
 * when the feed starts and stops hearing: what happened while it was deaf is unknown, so a cache built on the feed
 * must serve only while it hears.
 */
public final class SessionChangeFeed implements AutoCloseable {

    static final String CHANNEL = "accounts_session_changes";
    /** The payload of a TRUNCATE: every user changed. */
    static final String EVERYONE = "*";

    /** How long one wait for notifications blocks; it bounds how late {@link #close()} is noticed. */
    private static final int WAIT_MILLIS = 500;
    /**
     * A quiet connection is asked whether it is still there this often: a server that vanished without closing
     * the socket (a network partition) sends nothing, which would otherwise look like nothing changing.
     */
    private static final Duration PROBE_WHEN_QUIET = Duration.ofSeconds(2);
    private static final int PROBE_TIMEOUT_SECONDS = 1;
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(SessionChangeFeed.class);

    /** What a feed tells. Called from the feed's thread, one call at a time. */
    public interface Subscriber {

        /** The feed hears every change from now on; nothing it heard before (if anything) is complete. */
        void hearing();

        /** A commit changed this user, their profile or one of their sessions. */
        void changed(UserId user);

        /** A commit may have changed anyone (a TRUNCATE, or a payload this feed does not understand). */
        void changedAll();

        /** The feed no longer hears; changes may be committed that it will never tell. */
        void deaf();
    }

    private final DataSource connections;
    private final Subscriber subscriber;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection current;

    /** {@code connections} must open a new connection on each call (not a pool's): the feed holds it for good. */
    public SessionChangeFeed(DataSource connections, Subscriber subscriber) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.subscriber = Objects.requireNonNull(subscriber, "subscriber");
        this.thread = Thread.ofPlatform().name("session-changes").daemon().unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        boolean reported = false;
        while (!closed) {
            try (Connection connection = connections.getConnection()) {
                current = connection;
                listen(connection);
                subscriber.hearing();
                LOG.info("Session cache on: hearing session changes from PostgreSQL");
                reported = false;
                relay(connection);
            } catch (SQLException | RuntimeException e) {
                if (!closed && !reported) {
                    // One line per outage; the pool's own failures say the rest.
                    LOG.warn("Session cache off until PostgreSQL's change notifications are heard again ({}{})",
                            e.getClass().getSimpleName(), e instanceof SQLException sql && sql.getSQLState() != null
                                    ? ", SQL state " + sql.getSQLState() : "");
                    reported = true;
                }
            } finally {
                current = null;
                subscriber.deaf();
            }
            pause();
        }
    }

    private static void listen(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        }
    }

    private void relay(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        long quietSince = System.nanoTime();
        while (!closed) {
            PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
            if (notifications != null && notifications.length > 0) {
                for (PGNotification notification : notifications) {
                    tell(notification.getParameter());
                }
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > PROBE_WHEN_QUIET.toNanos()) {
                if (!connection.isValid(PROBE_TIMEOUT_SECONDS)) {
                    throw new SQLException("the notification connection stopped answering");
                }
                quietSince = System.nanoTime();
            }
        }
    }

    private void tell(String payload) {
        if (EVERYONE.equals(payload)) {
            subscriber.changedAll();
            return;
        }
        try {
            subscriber.changed(UserId.parse(payload));
        } catch (RuntimeException e) {
            subscriber.changedAll();
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** Stops hearing: the subscriber is told it is deaf, and the connection is closed. */
    @Override
    public void close() {
        closed = true;
        Connection connection = current;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // Closing is all that was wanted; the thread ends either way.
            }
        }
        thread.interrupt();
        if (thread.isAlive()) {
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
