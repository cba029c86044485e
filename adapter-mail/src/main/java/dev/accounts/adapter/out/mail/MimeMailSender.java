package dev.accounts.adapter.out.mail;

import com.sanctionco.jmail.EmailValidator;
import com.sanctionco.jmail.JMail;
import dev.accounts.application.port.out.AcceptanceGate;
import dev.accounts.application.port.out.MailSender;
import dev.accounts.application.port.out.QueuedMail;
import dev.accounts.domain.user.EmailAddress;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends queued mail, one message per call, synchronously: the caller is the outbox worker, which records the
 * outcome. The message is built here with Jakarta Mail: text and HTML in UTF-8 as {@code multipart/alternative}; a
 * {@link MailTransport} takes it where the settings' {@link MailSettings.Mode} says: an SMTP server, a pickup directory
 * of {@code .eml} files, or only the log. A failure comes back as a {@code MailDeliveryException} that says whether a
 * retry may help.
 *
 * <p>Each message carries the Message-ID {@code <outbox-id@sender-domain>}, the same on every attempt, so a
 * message repeated after a crash can be recognised as a duplicate. The caller's acceptance gate goes down to the
 * transport, which enters it right before the message is delivered for good.
 *
 * <p>Why not simple-java-mail's {@code EmailBuilder} and {@code EmailConverter}, which built the messages until
 * issue 6: they took half the CPU of a send (a flight recording of the outbox drain: regular expressions over the HTML
 * looking for images to embed, defaults and overrides applied, validation, a {@code multipart/mixed} wrapper, and
 * quoted-printable forced on every part), for a message that needs none of it. Every address here is already valid:
 * the sender's is checked at start-up, and a recipient is a domain {@code EmailAddress}, narrower than the strict
 * validator. Each part's transfer encoding follows Jakarta Mail's rule for its bytes (7bit for plain ASCII).
 *
 * <p>Safe for concurrent calls. Over SMTP each concurrent call uses a connection of its own, kept open for the next
 * message ({@link PooledSmtpTransport}); say how many calls may run at once, so that many connections stay open.
 */
public final class MimeMailSender implements MailSender, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MimeMailSender.class);
    private static final EmailValidator ADDRESS_VALIDATOR = JMail.strictValidator();
    private static final String UTF_8 = "UTF-8";
    static final String STREAM_PROVIDER_PROPERTY = "jakarta.mail.util.StreamProvider";

    static {
        // Jakarta Mail 2.1 finds its StreamProvider by scanning the class path with a ServiceLoader each time it
        // builds, writes or parses a MIME part (jakartaee/mail-api#699, #861): about a third of the CPU time of
        // sending a message. Naming the implementation turns each look-up into a Class.forName. Unless one was chosen.
        if (System.getProperty(STREAM_PROVIDER_PROPERTY) == null) {
            System.setProperty(STREAM_PROVIDER_PROPERTY, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    /** Builds the MIME messages; in SMTP mode also the session every connection is opened with. */
    private final Session session;
    /** In SMTP mode, the time-outs of the writes on every connection; null otherwise. */
    private final WriteTimeouts writeTimeouts;
    private final MailTransport transport;
    private final MailRenderer renderer;
    private final InternetAddress from;
    private final String messageIdDomain;

    public MimeMailSender(MailSettings settings) {
        this(settings, LinkLifetimes.DEFAULTS);
    }

    /** @param lifetimes how long the links in mails work, as configured, so the mails say so truthfully */
    public MimeMailSender(MailSettings settings, LinkLifetimes lifetimes) {
        this(settings, lifetimes, 1);
    }

    /**
     * @param lifetimes   how long the links in mails work, as configured, so the mails say so truthfully
     * @param connections how many SMTP connections to keep open between messages: the most {@link #send} calls that
     *                    run at once (more work, on connections closed after their message)
     */
    public MimeMailSender(MailSettings settings, LinkLifetimes lifetimes, int connections) {
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1, was " + connections);
        }
        this.from = settings.fromAddress();
        if (!ADDRESS_VALIDATOR.isValid(from.getAddress())) {
            // Fail at start-up: otherwise every message would be rejected by validation and given up.
            throw new IllegalArgumentException("mail from address is not accepted by address validation: " + settings.from());
        }
        this.messageIdDomain = from.getAddress().substring(from.getAddress().lastIndexOf('@') + 1);
        this.renderer = new MailRenderer(settings.publicUrl(), lifetimes);
        this.writeTimeouts = settings.mode() == MailSettings.Mode.SMTP ? new WriteTimeouts() : null;
        this.session = settings.mode() == MailSettings.Mode.SMTP
                ? SmtpSession.open(settings, writeTimeouts)
                : Session.getInstance(new Properties());
        this.transport = switch (settings.mode()) {
            case SMTP -> new PooledSmtpTransport(session, connections);
            case LOG -> new LoggingOnlyTransport();
            case FILE -> new PickupDirectoryTransport(settings.pickupDirectory());
        };
        LOG.info("mail sender ready: {}", switch (settings.mode()) {
            case SMTP -> settings.transport() + " to " + settings.host() + ":" + settings.port() + ", keeping up to "
                    + connections + " connection" + (connections == 1 ? "" : "s") + " open";
            case LOG -> "logging-only mode, nothing is sent";
            case FILE -> "writing .eml files to pickup directory " + settings.pickupDirectory();
        });
    }

    @Override
    public void send(QueuedMail queued, AcceptanceGate gate) {
        transport.deliver(toMimeMessage(queued), gate);
        LOG.debug("mail accepted by the transport: outbox_id={} message_id={}", queued.id(), messageId(queued.id()));
    }

    /** The Message-ID for an outbox entry, stable across attempts. */
    String messageId(UUID outboxId) {
        return "<" + outboxId + "@" + messageIdDomain + ">";
    }

    /** Closes the SMTP connections, if any. Call once the outbox worker has stopped. */
    @Override
    public void close() {
        transport.close();
        if (writeTimeouts != null) {
            writeTimeouts.shutdown(); // after the connections: their QUIT is a write too
        }
    }

    /** The message as it will go out, its headers final. */
    private MimeMessage toMimeMessage(QueuedMail queued) {
        RenderedMail rendered = renderer.render(queued.mail());
        try {
            MimeMessage message = new OutboxMessage(session, messageId(queued.id()));
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, recipient(queued.mail().recipient()));
            message.setSubject(rendered.subject(), UTF_8);
            message.setSentDate(new Date());
            message.setContent(alternatives(rendered));
            message.saveChanges(); // sets the headers, the Message-ID made from the outbox id among them
            return message;
        } catch (MessagingException | RuntimeException e) {
            throw MailFailureClassifier.classify(e);
        }
    }

    /** The same words twice; mail readers show the last part they can, so HTML comes after the text. */
    private static MimeMultipart alternatives(RenderedMail rendered) throws MessagingException {
        return new MimeMultipart("alternative", textPart(rendered.text(), "text/plain"),
                textPart(rendered.html(), "text/html"));
    }

    /**
     * A part made from its UTF-8 bytes, encoded once. Given a string ({@code setText}), Jakarta Mail encodes it twice,
     * once to choose the transfer encoding and once to write it, each time through a content handler it looks up
     * and instantiates by reflection, and copies the string into a new {@code char[]} each time: 40 % of what a
     * message allocated. The transfer encoding is chosen by the same rule from the bytes (7bit for plain ASCII).
     */
    private static MimeBodyPart textPart(String content, String mimeType) throws MessagingException {
        ByteArrayDataSource source = new ByteArrayDataSource(content.getBytes(StandardCharsets.UTF_8),
                mimeType + "; charset=" + UTF_8);
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(source)); // clears the content headers, so the encoding comes after
        part.setHeader("Content-Transfer-Encoding", MimeUtility.getEncoding(source));
        return part;
    }

    private static InternetAddress recipient(EmailAddress address) {
        InternetAddress recipient = new InternetAddress();
        // Already a plain addr-spec (the domain checked it), so it is set as it is rather than parsed again.
        recipient.setAddress(address.value());
        return recipient;
    }

    /** A message whose Message-ID is the outbox entry's, not one Jakarta Mail makes up when the headers are set. */
    private static final class OutboxMessage extends MimeMessage {

        private final String messageId;

        OutboxMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
