package dev.accounts.adapter.out.mail;

import java.util.List;
import java.util.Objects;

/**
 * What one message says, as plain strings: a subject and paragraphs. Templates produce only this; the layout
 * alone writes HTML, so no template can forget to escape a value.
 */
record MailContent(String subject, List<String> paragraphs) {

    MailContent {
        Objects.requireNonNull(subject, "subject");
        paragraphs = List.copyOf(paragraphs);
    }
}
