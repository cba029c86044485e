package dev.accounts.domain.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A login session as stored: the digest of its bearer token, its user, and its times. It ends at the absolute
 * {@code expiresAt}, or earlier when unused for longer than the idle timeout.
 */
public record Session(TokenDigest digest, UserId userId, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {

    public Session {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
    }

    public static Session start(TokenDigest digest, UserId userId, Instant now, Duration absoluteLifetime) {
        return new Session(digest, userId, now, now.plus(absoluteLifetime), now);
    }

    /** The session as recorded after a use at {@code when}: its last use only ever moves forward. */
    public Session usedAt(Instant when) {
        return when.isAfter(lastUsedAt) ? new Session(digest, userId, createdAt, expiresAt, when) : this;
    }

    public boolean isActiveAt(Instant now, Duration idleTimeout) {
        return now.isBefore(expiresAt) && now.isBefore(lastUsedAt.plus(idleTimeout));
    }
}
