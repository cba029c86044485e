package dev.accounts.adapter.out.mail;

import com.sanctionco.jmail.EmailValidator;
import com.sanctionco.jmail.JMail;
import dev.accounts.application.port.out.AcceptanceGate;
import dev.accounts.application.port.out.MailSender;
import dev.accounts.application.port.out.QueuedMail;
import dev.accounts.domain.user.EmailAddress;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import java.util.UUID;
import org.simplejavamail.api.email.Email;
import org.simplejavamail.converter.EmailConverter;
import org.simplejavamail.email.EmailBuilder;
import org.simplejavamail.mailer.MailerHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends queued mail, one message per call, synchronously: the caller is the outbox worker, which records the
 * outcome. simple-java-mail builds the message, validates it and turns it into MIME; a {@link MailTransport} takes it
 * where the settings' {@link MailSettings.Mode} says: an SMTP server, a pickup directory of {@code .eml} files, or
 * only the log. A failure comes back as a {@code MailDeliveryException} that says whether a retry may help.
 *
 * <p>Each message carries the Message-ID {@code <outbox-id@sender-domain>}, the same on every attempt, so a
 * message repeated after a crash can be recognised as a duplicate. The caller's acceptance gate goes down to the
 * transport, which enters it right before the message is delivered for good. That is why simple-java-mail's own
 * {@code Mailer.sendMail} is not used: it hands a transport nothing of the caller's, so the gate could only travel in
 * a thread-local. (Its sending path also logs whole messages, links included, at TRACE; this one does not.)
 *
 * <p>Safe for concurrent calls. Over SMTP each concurrent call uses a connection of its own, kept open for the next
 * message ({@link PooledSmtpTransport}); say how many calls may run at once, so that many connections stay open.
 */
public final class SimpleJavaMailSender implements MailSender, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimpleJavaMailSender.class);
    private static final EmailValidator ADDRESS_VALIDATOR = JMail.strictValidator();
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
    private final MailTransport transport;
    private final MailRenderer renderer;
    private final InternetAddress from;
    private final String messageIdDomain;

    public SimpleJavaMailSender(MailSettings settings) {
        this(settings, LinkLifetimes.DEFAULTS);
    }

    /** @param lifetimes how long the links in mails work, as configured, so the mails say so truthfully */
    public SimpleJavaMailSender(MailSettings settings, LinkLifetimes lifetimes) {
        this(settings, lifetimes, 1);
    }

    /**
     * @param lifetimes   how long the links in mails work, as configured, so the mails say so truthfully
     * @param connections how many SMTP connections to keep open between messages: the most {@link #send} calls that
     *                    run at once (more work, on connections closed after their message)
     */
    public SimpleJavaMailSender(MailSettings settings, LinkLifetimes lifetimes, int connections) {
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
        this.session = settings.mode() == MailSettings.Mode.SMTP
                ? SmtpSession.open(settings)
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
    }

    /** The message as it will go out: validated, as MIME, its headers final. */
    private MimeMessage toMimeMessage(QueuedMail queued) {
        Email email = toEmail(queued);
        try {
            MailerHelper.validate(email, ADDRESS_VALIDATOR);
            MimeMessage message = EmailConverter.emailToMimeMessage(email, session);
            message.saveChanges(); // sets the headers, the Message-ID made from the outbox id among them
            return message;
        } catch (MessagingException | RuntimeException e) {
            throw MailFailureClassifier.classify(e);
        }
    }

    private Email toEmail(QueuedMail queued) {
        RenderedMail rendered = renderer.render(queued.mail());
        // Ignoring defaults and overrides keeps a stray simplejavamail.properties from adding recipients.
        return EmailBuilder.ignoringDefaults().ignoringOverrides().startingBlank()
                .fixingMessageId(messageId(queued.id()))
                .from(from)
                .to(recipient(queued.mail().recipient()))
                .withSubject(rendered.subject())
                .withPlainText(rendered.text())
                .withHTMLText(rendered.html())
                .buildEmail();
    }

    private static InternetAddress recipient(EmailAddress address) {
        InternetAddress recipient = new InternetAddress();
        // Already a plain addr-spec (the domain checked it), so it is set as it is rather than parsed again.
        recipient.setAddress(address.value());
        return recipient;
    }
}
