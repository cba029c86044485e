package dev.accounts.application.contracts;

import java.util.Objects;

/**
 * One message as it arrived at the far end of a mail transport, read back by a {@link MailSenderContract} subclass:
 * the bare recipient address ({@code alice@example.org}, no display name), the subject, the Message-ID header as
 * delivered (with its angle brackets) and the decoded plain-text part.
 */
public record DeliveredMail(String recipient, String subject, String messageId, String text) {

    public DeliveredMail {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(text, "text");
    }

    /** Hides the text, which may hold a single-use link. */
    @Override
    public String toString() {
        return "DeliveredMail[to " + recipient + ", subject " + subject + ", " + messageId + "]";
    }
}
