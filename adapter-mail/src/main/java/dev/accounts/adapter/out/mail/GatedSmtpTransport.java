package dev.accounts.adapter.out.mail;

import dev.accounts.application.port.out.AcceptanceGate;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
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
 *
 * <p>When the server offers PIPELINING (RFC 2920), as every common mail server does, a message to one recipient sends
 * its envelope ({@code MAIL FROM}, {@code RCPT TO}) in the same write as {@code DATA}, and reads the three replies
 * after it: two round trips a message instead of four. Angus Mail has no pipelining, so it is added here where Angus
 * sends commands and reads replies: an envelope command is held and given a provisional {@code 250}, and goes out
 * ahead of the next command; before that command's reply, the held commands' replies are read and checked as Angus
 * would have checked them. A refusal fails the send with the exception Angus would have thrown for it (so it is
 * classified the same, 5xx final and 4xx worth a retry) before the message's data is written; the pool then drops
 * the connection, whose unread replies no longer matter. Messages to several recipients keep Angus' one command at a
 * time, since with {@code mail.smtp.sendpartial} one refused recipient need not fail them.
 */
final class GatedSmtpTransport extends SMTPTransport {

    private static final String SMTPS = "smtps";

    private AcceptanceGate gate;
    /** The recipient of the message being sent when its envelope is pipelined; null otherwise. */
    private InternetAddress pipelinedRecipient;
    /** Envelope commands answered provisionally and not yet written. */
    private final List<String> held = new ArrayList<>();
    /** Whether the reply Angus reads next is the provisional one for a command just held. */
    private boolean provisionalReplyDue;
    /** Commands written whose replies are still to be read, oldest first. */
    private final Deque<String> unanswered = new ArrayDeque<>();

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
        Address[] recipients = message.getAllRecipients();
        if (recipients != null && recipients.length == 1 && recipients[0] instanceof InternetAddress recipient
                && supportsExtension("PIPELINING")) {
            pipelinedRecipient = recipient;
        }
        try {
            sendMessage(message, recipients);
        } finally {
            this.gate = null;
            pipelinedRecipient = null;
            held.clear();
            provisionalReplyDue = false;
            unanswered.clear();
        }
    }

    @Override
    protected void sendCommand(String command) throws MessagingException {
        if (pipelinedRecipient != null && isEnvelope(command)) {
            held.add(command);
            provisionalReplyDue = true;
            return;
        }
        if (held.isEmpty()) {
            super.sendCommand(command);
            return;
        }
        // One write (Angus appends the last CRLF and flushes once): the held envelope, then this command.
        String batch = String.join("\r\n", held) + "\r\n" + command;
        unanswered.addAll(held);
        held.clear();
        super.sendCommand(batch);
    }

    @Override
    protected int readServerResponse() throws MessagingException {
        if (provisionalReplyDue) {
            provisionalReplyDue = false;
            return 250;
        }
        while (!unanswered.isEmpty()) {
            String command = unanswered.removeFirst();
            int code = super.readServerResponse();
            if (!accepted(command, code)) {
                throw refusal(command, code, getLastServerResponse());
            }
        }
        return super.readServerResponse();
    }

    private static boolean isEnvelope(String command) {
        return command.startsWith("MAIL FROM:") || command.startsWith("RCPT TO:");
    }

    /** What Angus accepts: 250 for MAIL FROM, any 2xx for RCPT TO. */
    private static boolean accepted(String command, int code) {
        return command.startsWith("MAIL FROM:") ? code == 250 : code >= 200 && code <= 299;
    }

    /** The exception Angus throws for the same refusal, so that it is told apart and classified the same. */
    private MessagingException refusal(String command, int code, String reply) {
        if (command.startsWith("RCPT TO:")) {
            return new SMTPAddressFailedException(pipelinedRecipient, command, code, reply);
        }
        return new SMTPSendFailedException(command, code, reply, null, null, null, null);
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
