package dev.accounts.adapter.out.persistence;

import dev.accounts.domain.user.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
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
 *
 * <p>The feed hears only what it has shown it hears: it sends a probe of its own on the channel every
 * {@link #PROBE_EVERY} and counts as hearing from the first probe that comes back, until one does not come back within
 * {@link #ECHO_TIMEOUT}. An open connection is not enough: a server gone silent (a network partition) or a pooler
 * between the service and PostgreSQL that does not pass notifications on (PgBouncer in transaction mode) keeps a
 * connection that looks fine and never tells anything.
 */
public final class SessionChangeFeed implements AutoCloseable {

    static final String CHANNEL = "accounts_session_changes";
    /** The payload of a TRUNCATE: every user changed. */
    static final String EVERYONE = "*";
    /** Starts the payload of a probe; other instances' probes are ignored. */
    private static final String PROBE = "probe ";

    /** How long one wait for notifications blocks; it bounds how late {@link #close()} is noticed. */
    private static final int WAIT_MILLIS = 250;
    private static final Duration PROBE_EVERY = Duration.ofSeconds(2);
    /** Milliseconds on a healthy server; generous, since a probe lost to a loaded machine only costs cache hits. */
    private static final Duration ECHO_TIMEOUT = Duration.ofSeconds(2);
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
    /** Tells this feed's probes from other instances'. */
    private final String probePrefix = PROBE + UUID.randomUUID() + " ";
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection current;
    /** Whether this outage has had its warning; read and written by the feed's thread only. */
    private boolean outageReported;

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
        while (!closed) {
            try (Connection connection = connections.getConnection()) {
                current = connection;
                listen(connection);
                relay(connection);
            } catch (SQLException | RuntimeException e) {
                if (!closed && !outageReported) {
                    // One line per outage; the pool's own failures say the rest.
                    LOG.warn("Session cache off until PostgreSQL's change notifications are heard again ({})",
                            reason(e));
                    outageReported = true;
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

    /** Passes notifications on, and probes; returns only when closed, throws when the feed stops hearing. */
    private void relay(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        boolean hearing = false;
        long probes = 0;
        String awaited = probe(connection, ++probes);
        long probedAt = System.nanoTime();
        while (!closed) {
            PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
            for (PGNotification notification : notifications == null ? new PGNotification[0] : notifications) {
                String payload = notification.getParameter();
                if (payload.equals(awaited)) {
                    awaited = null;
                    if (!hearing) {
                        hearing = true;
                        outageReported = false;
                        subscriber.hearing();
                        LOG.info("Session cache on: hearing session changes from PostgreSQL");
                    }
                } else if (!payload.startsWith(PROBE)) {
                    tell(payload);
                }
            }
            long now = System.nanoTime();
            if (awaited != null && now - probedAt > ECHO_TIMEOUT.toNanos()) {
                throw new ProbeLost();
            }
            if (awaited == null && now - probedAt > PROBE_EVERY.toNanos()) {
                awaited = probe(connection, ++probes);
                probedAt = now;
            }
        }
    }

    /** Driver messages are left out: they may name the server's address. */
    private static String reason(Exception e) {
        if (e instanceof ProbeLost) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + (e instanceof SQLException sql && sql.getSQLState() != null
                ? ", SQL state " + sql.getSQLState() : "");
    }

    /** Sent on the channel and not heard back in time: the connection is open, but notifications do not arrive. */
    private static final class ProbeLost extends SQLException {

        ProbeLost() {
            super("a probe sent on " + CHANNEL + " did not come back within " + ECHO_TIMEOUT.toSeconds()
                    + " s; is a pooler that does not pass notifications on (PgBouncer in transaction mode) in the way?");
        }
    }

    private String probe(Connection connection, long number) throws SQLException {
        String payload = probePrefix + number;
        try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, payload);
            notify.execute();
        }
        return payload;
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
