package dev.accounts.adapter.out.mail;

import dev.accounts.application.contracts.DeliveredMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Reads the parts of a message as a mail client would. */
final class ReceivedMail {

    private ReceivedMail() {
    }

    /** The message as the contract kit reads it: bare recipient, subject, Message-ID and decoded text part. */
    static DeliveredMail asDelivered(MimeMessage message) {
        try {
            String recipient = ((InternetAddress) message.getRecipients(RecipientType.TO)[0]).getAddress();
            return new DeliveredMail(recipient, message.getSubject(), message.getMessageID(),
                    partText(message, "text/plain").orElseThrow());
        } catch (MessagingException e) {
            throw new IllegalStateException("unreadable message", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The decoded text of the first part of the given MIME type, such as {@code text/html}. */
    static Optional<String> partText(Part part, String mimeType) throws MessagingException, IOException {
        if (part.isMimeType(mimeType)) {
            return Optional.of((String) part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Optional<String> text = partText(child, mimeType);
                if (text.isPresent()) {
                    return text;
                }
            }
        }
        return Optional.empty();
    }
}
