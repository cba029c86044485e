package dev.accounts.adapter.out.mail;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.simplejavamail.api.email.Email;
import org.simplejavamail.api.mailer.CustomMailer;
import org.simplejavamail.api.mailer.config.OperationalConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step of sending in logging-only mode: the message was rendered, validated and turned
 * into MIME like any other, and is now logged by its Message-ID and subject instead of sent.
 *
 * <p>Used instead of simple-java-mail's own logging-only mode, which logs the whole message at INFO: bodies
 * will carry verification and reset links, and those must not reach a log.
 */
final class LoggingOnlyTransport implements CustomMailer {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingOnlyTransport.class);

    @Override
    public void testConnection(OperationalConfig operationalConfig, Session session) {
        // Nothing to connect to.
    }

    @Override
    public void sendMessage(OperationalConfig operationalConfig, Session session, Email email, MimeMessage message) {
        LOG.info("mail not sent (logging-only mode): message_id={} subject=\"{}\"",
                email.getId(), SingleLine.of(email.getSubject()));
    }
}
