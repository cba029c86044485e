package dev.accounts.faults.harness;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One message an SMTP server accepted, read as a person would: to whom, with which Message-ID and subject, and
 * the decoded text part (for the links in it).
 *
 * @param recipient the envelope recipient, lower-cased
 */
public record ReceivedMail(String messageId, String recipient, String subject, String text) {

    /** Subject parts of the mails the scenarios look for. */
    public static final String WELCOME = "Welcome to";
    public static final String PASSWORD_RESET = "Reset your";

    private static final Pattern TOKEN = Pattern.compile("\\?token=([A-Za-z0-9_-]{43})");

    static ReceivedMail from(MimeMessage message, String recipient) {
        try {
            return new ReceivedMail(message.getMessageID(), recipient.toLowerCase(Locale.ROOT), message.getSubject(),
                    textOf(message));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot read a received message", e);
        }
    }

    /** The single-use token of the link in the text, if the mail has one. */
    public Optional<String> linkToken() {
        Matcher token = TOKEN.matcher(text == null ? "" : text);
        return token.find() ? Optional.of(token.group(1)) : Optional.empty();
    }

    private static String textOf(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String text = textOf(child);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
