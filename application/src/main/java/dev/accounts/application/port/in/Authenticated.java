package dev.accounts.application.port.in;

import dev.accounts.domain.user.TokenDigest;
import dev.accounts.domain.user.UserId;
import java.util.Objects;

/**
 * The user behind a request, the session it came with (by digest: the token itself is not kept), and the client
 * address it came from (may be null), for the audit trail.
 */
public record Authenticated(UserId userId, TokenDigest session, String clientAddress) {

    public Authenticated {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(session, "session");
    }

    public Authenticated(UserId userId, TokenDigest session) {
        this(userId, session, null);
    }
}
