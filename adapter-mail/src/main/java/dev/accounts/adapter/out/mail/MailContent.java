package dev.accounts.adapter.out.mail;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * What one message says, as plain strings: a subject and blocks of text, some of them a link to follow.
 * Templates produce only this; the layout alone writes HTML, so no template can forget to escape a value.
 */
record MailContent(String subject, List<Block> blocks) {

    MailContent {
        Objects.requireNonNull(subject, "subject");
        blocks = List.copyOf(blocks);
    }

    static MailContent of(String subject, Block... blocks) {
        return new MailContent(subject, List.of(blocks));
    }

    static Paragraph paragraph(String text) {
        return new Paragraph(text);
    }

    /** A link the reader is asked to open: {@code sentence: link} in text, a button in HTML. */
    static Action action(String sentence, String button, URI link) {
        return new Action(sentence, button, link);
    }

    /** One part of a message's body. */
    sealed interface Block permits Paragraph, Action {
    }

    record Paragraph(String text) implements Block {

        Paragraph {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A link worth a button; {@code link} comes from {@link PublicLinks}, never from a parameter as it is. */
    record Action(String sentence, String button, URI link) implements Block {

        Action {
            Objects.requireNonNull(sentence, "sentence");
            Objects.requireNonNull(button, "button");
            Objects.requireNonNull(link, "link");
        }
    }
}
