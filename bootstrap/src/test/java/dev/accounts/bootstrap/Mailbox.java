package dev.accounts.bootstrap;

import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what GreenMail received the way a person would: the decoded text part, and the links in it. */
final class Mailbox {

    private static final Pattern TOKEN_LINK = Pattern.compile("(https?://\\S+?)\\?token=([A-Za-z0-9_-]{43})");

    private final GreenMailOperations smtp;

    Mailbox(GreenMailOperations smtp) {
        this.smtp = smtp;
    }

    /** The newest message to {@code recipient} whose subject contains {@code subjectPart}, waiting up to 15 s. */
    MimeMessage await(String recipient, String subjectPart) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            MimeMessage[] received = smtp.getReceivedMessages();
            for (int i = received.length - 1; i >= 0; i--) {
                MimeMessage message = received[i];
                if (message.getAllRecipients()[0].toString().equalsIgnoreCase(recipient)
                        && message.getSubject().contains(subjectPart)) {
                    return message;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no mail '" + subjectPart + "' to " + recipient + " within 15 s");
    }

    static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String text = text(child);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    /** The link in the message's text part: its page (without query) and its token. */
    static Link link(MimeMessage message) throws Exception {
        String text = text(message);
        Matcher m = TOKEN_LINK.matcher(text == null ? "" : text);
        if (!m.find()) {
            throw new AssertionError("no link with a token in: " + text);
        }
        return new Link(m.group(1), m.group(2));
    }

    record Link(String page, String token) {

        String pathAndQuery() {
            return java.net.URI.create(page).getPath() + "?token=" + token;
        }
    }
}
