package dev.accounts.application.port.out;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

/**
 * The position of a dead message in a listing: by the time it was queued, then, for messages queued in the same
 * microsecond, by id compared as PostgreSQL compares {@code uuid}s (unsigned, byte by byte).
 */
public record DeadLetterKey(Instant createdAt, UUID id) implements Comparable<DeadLetterKey> {

    private static final Comparator<DeadLetterKey> ORDER = Comparator.comparing(DeadLetterKey::createdAt)
            .thenComparing(key -> key.id().getMostSignificantBits(), Long::compareUnsigned)
            .thenComparing(key -> key.id().getLeastSignificantBits(), Long::compareUnsigned);

    public DeadLetterKey {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
    }

    @Override
    public int compareTo(DeadLetterKey other) {
        return ORDER.compare(this, other);
    }
}
