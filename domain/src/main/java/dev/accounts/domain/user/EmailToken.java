package dev.accounts.domain.user;

import java.time.Instant;
import java.util.Objects;

/**
 * A single-use token sent by mail, as stored: its digest, bound to one user, one address and one purpose, valid
 * until {@code expiresAt}. Binding the address means a link sent to an old address cannot verify a new one.
 */
public record EmailToken(TokenDigest digest, UserId userId, EmailAddress address, TokenPurpose purpose,
                         Instant createdAt, Instant expiresAt) {

    public EmailToken {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a token must expire after it is created");
        }
    }
}
