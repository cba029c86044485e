package dev.accounts.application.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A message the outbox gave up on, without its parameters (which may have carried a token). {@code template} and
 * {@code recipient} are as stored: a message this version cannot read is given up on too, so neither is parsed.
 * {@code lastError} may be null; {@code diedAt} is null when the store does not know it (rows given up on before it
 * was kept).
 */
public record DeadLetter(UUID id, String recipient, String template, int attempts, String lastError, Instant createdAt,
                         Instant diedAt) {

    public DeadLetter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Where this message stands in a listing. */
    public DeadLetterKey key() {
        return new DeadLetterKey(createdAt, id);
    }
}
