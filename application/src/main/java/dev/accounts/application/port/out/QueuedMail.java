package dev.accounts.application.port.out;

import java.util.Objects;
import java.util.UUID;

/**
 * A message claimed from the outbox for one delivery attempt. The id is stable across attempts, so a message
 * re-sent after a crash carries the same Message-ID. {@code attempt} counts from 1 and includes this one.
 */
public record QueuedMail(UUID id, OutgoingMail mail, int attempt) {

    public QueuedMail {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mail, "mail");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt counts from 1");
        }
    }
}
