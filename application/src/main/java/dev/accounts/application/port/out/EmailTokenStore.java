package dev.accounts.application.port.out;

import dev.accounts.domain.user.EmailToken;
import dev.accounts.domain.user.TokenDigest;
import dev.accounts.domain.user.TokenPurpose;
import dev.accounts.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/** Single-use tokens sent by mail, kept as digests only. */
public interface EmailTokenStore {

    /** Stores a new token and invalidates the user's older unused tokens of the same purpose. */
    void issue(EmailToken token);

    /**
     * Stores the first token of a user created in the same transaction: there is nothing to supersede, and no other
     * transaction can issue one for a user it cannot see yet, so a store may skip what {@link #issue} does for that.
     * Behaves as {@code issue} unless a store says otherwise.
     */
    default void issueFirst(EmailToken token) {
        issue(token);
    }

    /**
     * Uses a token up, atomically: of any number of concurrent calls with one digest, at most one gets it.
     * Empty when the token is unknown, of another purpose, already used, superseded or expired at {@code now}.
     */
    Optional<EmailToken> consume(TokenDigest digest, TokenPurpose purpose, Instant now);

    /** Invalidates the user's unused tokens of this purpose. */
    void invalidateAll(UserId userId, TokenPurpose purpose);
}
