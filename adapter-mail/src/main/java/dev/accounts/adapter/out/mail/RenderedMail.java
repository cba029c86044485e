package dev.accounts.adapter.out.mail;

import java.util.Objects;

/**
 * A message ready to send: its subject, and the same words as plain text and as HTML. The subject is one line: it
 * becomes a header, and a line break in it would start another header.
 */
public record RenderedMail(String subject, String text, String html) {

    public RenderedMail {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        if (subject.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw new IllegalArgumentException("a mail subject must be one line");
        }
    }
}
