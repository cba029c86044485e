package dev.accounts.domain.user;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/** A user's identity: a UUID made in Java, so the aggregate is whole before it is stored. */
public record UserId(UUID value) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * A version 7 UUID (RFC 9562): time-ordered, so new rows land at the end of the primary-key index
     * instead of at random pages.
     */
    public static UserId generate(Clock clock) {
        return new UserId(TimeOrderedUuid.next(clock.millis(), RANDOM));
    }

    public static UserId parse(String text) {
        try {
            return new UserId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
