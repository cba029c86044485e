package dev.accounts.adapter.out.mail;

import dev.accounts.application.port.out.AcceptanceGate;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Objects;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * An SMTP connection that enters the sender's {@link AcceptanceGate} right before it ends a message's data, with the
 * {@code CRLF.CRLF} after DATA (or the last BDAT chunk): up to there the server discards the message if the connection
 * goes; from there on it has it. Angus Mail's {@code SMTPTransport} with that one step added, for plain SMTP and
 * STARTTLS ({@code smtp}) and SMTPS ({@code smtps}, TLS from the first byte, as Angus' {@code SMTPSSLTransport}).
 *
 * <p>Built directly rather than registered as the session's provider for {@code smtp}: the pool is its only user.
 * One send at a time uses it (the pool lends a connection to one send, and sending holds the transport's lock), so the
 * gate is a field set for the length of {@link #send}.
 */
final class GatedSmtpTransport extends SMTPTransport {

    private static final String SMTPS = "smtps";

    private AcceptanceGate gate;

    private GatedSmtpTransport(Session session, String protocol) {
        // What Session.getTransport() passes for the session's protocol: host, port and user come from its properties.
        super(session, new URLName(protocol, null, -1, null, null, null), protocol, SMTPS.equals(protocol));
    }

    /** A connection, not yet open, speaking the session's {@code mail.transport.protocol}: smtp or smtps. */
    static GatedSmtpTransport of(Session session) {
        String protocol = session.getProperty("mail.transport.protocol");
        if (!"smtp".equals(protocol) && !SMTPS.equals(protocol)) {
            throw new IllegalArgumentException("not an SMTP session: mail.transport.protocol=" + protocol);
        }
        return new GatedSmtpTransport(session, protocol);
    }

    /** Sends the message to its recipients, entering {@code gate} right before the server takes it. */
    synchronized void send(MimeMessage message, AcceptanceGate gate) throws MessagingException {
        this.gate = Objects.requireNonNull(gate, "gate");
        try {
            sendMessage(message, message.getAllRecipients());
        } finally {
            this.gate = null;
        }
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        enterGate();
        super.finishData();
    }

    @Override
    protected void finishBdat() throws IOException, MessagingException {
        enterGate();
        super.finishBdat();
    }

    private void enterGate() throws IOException {
        AcceptanceGate current = gate;
        gate = null;
        if (current == null) {
            // Only send(...) may end a message: one sent past its gate would break the bound on repeats after a crash.
            throw new IOException("message abandoned before its end: it was sent without an acceptance gate");
        }
        try {
            current.enter();
        } catch (RuntimeException refused) {
            // Thrown as an IOException, SMTPTransport drops the connection as it stands. Any other exception would
            // end in a QUIT, which the server, still reading the message, takes as text and never answers.
            throw new IOException("message abandoned before its end: the acceptance gate refused it", refused);
        }
    }
}
