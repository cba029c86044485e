package dev.accounts.adapter.out.mail;

import dev.accounts.application.port.out.AcceptanceGate;
import dev.accounts.application.port.out.MailDeliveryException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step of sending in logging-only mode: the message was rendered and turned
 * into MIME like any other, and is now logged by its Message-ID and subject instead of sent.
 *
 * <p>Used instead of simple-java-mail's own logging-only mode, which logs the whole message at INFO: bodies
 * will carry verification and reset links, and those must not reach a log.
 */
final class LoggingOnlyTransport implements MailTransport {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingOnlyTransport.class);

    @Override
    public void deliver(MimeMessage message, AcceptanceGate gate) {
        String messageId;
        String subject;
        try {
            messageId = message.getMessageID();
            subject = message.getSubject();
        } catch (MessagingException e) {
            throw MailDeliveryException.permanentFailure("could not read the message's Message-ID and subject", e);
        }
        gate.enter();
        LOG.info("mail not sent (logging-only mode): message_id={} subject=\"{}\"", messageId, SingleLine.of(subject));
    }
}
