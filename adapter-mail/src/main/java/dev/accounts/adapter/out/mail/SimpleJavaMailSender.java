package dev.accounts.adapter.out.mail;

import com.sanctionco.jmail.EmailValidator;
import com.sanctionco.jmail.JMail;
import dev.accounts.application.port.out.MailSender;
import dev.accounts.application.port.out.QueuedMail;
import dev.accounts.domain.user.EmailAddress;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.simplejavamail.api.email.Email;
import org.simplejavamail.api.mailer.CustomMailer;
import org.simplejavamail.api.mailer.Mailer;
import org.simplejavamail.email.EmailBuilder;
import org.simplejavamail.mailer.MailerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends queued mail with simple-java-mail, one message per call, synchronously: the caller is the outbox worker,
 * which records the outcome. A failure comes back as a {@code MailDeliveryException} that says whether a retry
 * may help. Where mail goes is the settings' {@link MailSettings.Mode}: an SMTP server, a pickup directory of
 * {@code .eml} files, or only the log.
 *
 * <p>Each message carries the Message-ID {@code <outbox-id@sender-domain>}, the same on every attempt, so a
 * message repeated after a crash can be recognised as a duplicate.
 *
 * <p>Safe for concurrent calls. Over SMTP each concurrent call uses a connection of its own, kept open for the next
 * message ({@link PooledSmtpTransport}); say how many calls may run at once, so that many connections stay open.
 */
public final class SimpleJavaMailSender implements MailSender, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimpleJavaMailSender.class);
    private static final EmailValidator ADDRESS_VALIDATOR = JMail.strictValidator();
    private static final long CLOSE_TIMEOUT_SECONDS = 10;
    /** simple-java-mail logs whole messages, links and tokens included, through this logger at TRACE. */
    static final String LIBRARY_MESSAGE_LOGGER = "org.simplejavamail.mailer.internal.MailerImpl";
    static final String STREAM_PROVIDER_PROPERTY = "jakarta.mail.util.StreamProvider";

    static {
        // Jakarta Mail 2.1 finds its StreamProvider by scanning the class path with a ServiceLoader each time it
        // builds, writes or parses a MIME part (jakartaee/mail-api#699, #861): about a third of the CPU time of
        // sending a message. Naming the implementation turns each look-up into a Class.forName. Unless one was chosen.
        if (System.getProperty(STREAM_PROVIDER_PROPERTY) == null) {
            System.setProperty(STREAM_PROVIDER_PROPERTY, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final Mailer mailer;
    /** The SMTP connections, in SMTP mode; {@code null} otherwise. */
    private final PooledSmtpTransport smtp;
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
        Session session = settings.mode() == MailSettings.Mode.SMTP ? SmtpSession.open(settings) : null;
        this.smtp = session == null ? null : new PooledSmtpTransport(session, connections);
        this.mailer = switch (settings.mode()) {
            case SMTP -> smtpMailer(session, smtp, settings);
            case LOG -> customMailer(new LoggingOnlyTransport());
            case FILE -> customMailer(new PickupDirectoryTransport(settings.pickupDirectory()));
        };
        LOG.info("mail sender ready: {}", switch (settings.mode()) {
            case SMTP -> settings.transport() + " to " + settings.host() + ":" + settings.port() + ", keeping up to "
                    + connections + " connection" + (connections == 1 ? "" : "s") + " open";
            case LOG -> "logging-only mode, nothing is sent";
            case FILE -> "writing .eml files to pickup directory " + settings.pickupDirectory();
        });
        if (LoggerFactory.getLogger(LIBRARY_MESSAGE_LOGGER).isTraceEnabled()) {
            LOG.warn("logger {} is at TRACE, where simple-java-mail logs whole messages with their verification and"
                    + " reset links; set it to DEBUG or higher", LIBRARY_MESSAGE_LOGGER);
        }
    }

    @Override
    public void send(QueuedMail queued) {
        Email email = toEmail(queued);
        try {
            mailer.sendMail(email, false);
        } catch (RuntimeException e) {
            throw MailFailureClassifier.classify(e);
        }
        LOG.debug("mail accepted by the transport: outbox_id={} message_id={}", queued.id(), email.getId());
    }

    /** The Message-ID for an outbox entry, stable across attempts. */
    String messageId(UUID outboxId) {
        return "<" + outboxId + "@" + messageIdDomain + ">";
    }

    /** Releases the mailer's resources and closes the SMTP connections. Call once the outbox worker has stopped. */
    @Override
    public void close() {
        if (smtp != null) {
            smtp.close();
        }
        try {
            mailer.shutdownConnectionPool().get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("mail sender did not shut down cleanly: {}", e.toString());
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

    /** simple-java-mail validates and builds each message with the session; the pooled transport sends it. */
    private static Mailer smtpMailer(Session session, PooledSmtpTransport transport, MailSettings settings) {
        Mailer mailer = MailerBuilder.usingSession(session)
                .withCustomMailer(transport)
                .withSessionTimeout(Math.toIntExact(settings.readTimeout().toMillis()))
                .withEmailValidator(ADDRESS_VALIDATOR)
                .disablingAllClientValidation(false)
                .withTransportModeLoggingOnly(false)
                .withDebugLogging(false)
                .trustingAllHosts(false)
                .verifyingServerIdentity(true)
                .clearProxy()
                .buildMailer();
        SmtpSession.applyTimeouts(session, settings);
        return mailer;
    }

    /** A transport of our own in place of SMTP, behind the same validation and MIME building. */
    private static Mailer customMailer(CustomMailer transport) {
        return MailerBuilder.withCustomMailer(transport)
                .withEmailValidator(ADDRESS_VALIDATOR)
                .disablingAllClientValidation(false)
                .withTransportModeLoggingOnly(false)
                .withDebugLogging(false)
                .clearProxy()
                .buildMailer();
    }
}
