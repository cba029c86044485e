package dev.accounts.adapter.out.mail;

import dev.accounts.application.port.out.AcceptanceGate;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step of sending in SMTP mode: the built message goes out on an SMTP connection kept open between
 * messages, so a message costs its SMTP transaction rather than a TCP (and TLS) handshake, a greeting and a login.
 *
 * <p>Each connection serves one send at a time and is opened by the send that needs it, outside any lock, so a
 * slow or silent server holds up only the sends waiting for it. (simple-java-mail's own pool, its batch-module, opens
 * connections while holding one lock: parallel sends to a server that does not answer queue behind each other's
 * time-outs.) The most recently used connection is taken first; one idle for longer than {@link #CHECK_AFTER_IDLE}
 * is first checked with a NOOP, and a connection on which anything fails is closed, never used again, so one the
 * server dropped costs at most the send that finds out. At most {@code maxIdle} connections wait between sends.
 *
 * <p>Each connection is a {@link GatedSmtpTransport}: it enters the send's acceptance gate right before the end of the
 * message's data. Failures leave here already classified, as {@code MailDeliveryException}s. The session carries the
 * connect and read timeouts ({@link SmtpSession#open}), which every connection opened here takes.
 */
final class PooledSmtpTransport implements MailTransport {

    /** Long enough that back-to-back sends skip the NOOP, short enough that a connection left idle is checked. */
    static final Duration CHECK_AFTER_IDLE = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(PooledSmtpTransport.class);

    private final Session session;
    private final int maxIdle;
    private final Duration checkAfterIdle;
    private final Deque<IdleConnection> idle = new ArrayDeque<>();
    private boolean closed;

    PooledSmtpTransport(Session session, int maxIdle) {
        this(session, maxIdle, CHECK_AFTER_IDLE);
    }

    PooledSmtpTransport(Session session, int maxIdle, Duration checkAfterIdle) {
        this.session = Objects.requireNonNull(session, "session");
        this.checkAfterIdle = Objects.requireNonNull(checkAfterIdle, "checkAfterIdle");
        if (maxIdle < 1) {
            throw new IllegalArgumentException("maxIdle must be at least 1, was " + maxIdle);
        }
        this.maxIdle = maxIdle;
    }

    @Override
    public void deliver(MimeMessage message, AcceptanceGate gate) {
        GatedSmtpTransport connection = borrow();
        try {
            connection.send(message, gate);
        } catch (MessagingException | RuntimeException e) {
            // After a failure the state of the SMTP conversation is unknown; a fresh connection is cheap.
            closeQuietly(connection);
            throw MailFailureClassifier.classify(e);
        }
        giveBack(connection);
    }

    /** Connections open now, idle between sends. */
    synchronized int idleConnections() {
        return idle.size();
    }

    /** Closes the idle connections; a connection in use is closed when its send returns. */
    @Override
    public void close() {
        List<IdleConnection> open;
        synchronized (this) {
            closed = true;
            open = new ArrayList<>(idle);
            idle.clear();
        }
        open.forEach(connection -> closeQuietly(connection.transport()));
    }

    private GatedSmtpTransport borrow() {
        IdleConnection reused = takeIdle();
        if (reused != null) {
            // isConnected() sends the NOOP, and closes the connection if the answer is not right.
            if (reused.idleFor().compareTo(checkAfterIdle) < 0 || reused.transport().isConnected()) {
                return reused.transport();
            }
            closeQuietly(reused.transport());
            LOG.debug("pooled SMTP connection failed its NOOP check; opening a new one");
        }
        try {
            GatedSmtpTransport connection = GatedSmtpTransport.of(session);
            connection.connect();
            return connection;
        } catch (MessagingException | RuntimeException e) {
            throw MailFailureClassifier.classify(e);
        }
    }

    private synchronized IdleConnection takeIdle() {
        return idle.pollFirst();
    }

    private void giveBack(GatedSmtpTransport connection) {
        synchronized (this) {
            if (!closed && idle.size() < maxIdle) {
                idle.addFirst(new IdleConnection(connection, System.nanoTime()));
                return;
            }
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(GatedSmtpTransport connection) {
        try {
            connection.close(); // QUIT, when the connection still works
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("closing an SMTP connection failed: {}", SingleLine.of(e.getMessage()));
        }
    }

    private record IdleConnection(GatedSmtpTransport transport, long idleSinceNanos) {

        Duration idleFor() {
            return Duration.ofNanos(System.nanoTime() - idleSinceNanos);
        }
    }
}
