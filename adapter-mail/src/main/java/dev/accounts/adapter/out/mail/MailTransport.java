package dev.accounts.adapter.out.mail;

import dev.accounts.application.port.out.AcceptanceGate;
import jakarta.mail.internet.MimeMessage;

/**
 * The last step of sending: a message, validated and built as MIME, goes where the settings say (an SMTP server, a
 * pickup directory, the log).
 */
interface MailTransport extends AutoCloseable {

    /**
     * Delivers one message whose headers are final (its Message-ID included). Enters {@code gate} once, immediately
     * before the step after which the message is delivered and cannot be taken back; a failure before that step
     * leaves nothing delivered, and so does a gate that refuses, whose exception comes out unchanged. Never logs a
     * body: it carries single-use links.
     *
     * @throws dev.accounts.application.port.out.MailDeliveryException when the message was not delivered, saying
     *         whether a retry may help
     */
    void deliver(MimeMessage message, AcceptanceGate gate);

    /** Releases what the transport keeps open between messages; most keep nothing. */
    @Override
    default void close() {
    }
}
