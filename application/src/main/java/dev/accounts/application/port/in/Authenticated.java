package dev.accounts.application.port.in;

import dev.accounts.domain.user.TokenDigest;
import dev.accounts.domain.user.UserId;
import java.util.Objects;

/** The user behind a request, and the session it came with (by digest: the token itself is not kept). */
public record Authenticated(UserId userId, TokenDigest session) {

    public Authenticated {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(session, "session");
    }
}
