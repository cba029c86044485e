package dev.accounts.adapter.out.mail;

import java.util.Objects;

/** A message ready to send: its subject, and the same words as plain text and as HTML. */
public record RenderedMail(String subject, String text, String html) {

    public RenderedMail {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }
}
