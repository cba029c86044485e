package dev.accounts.adapter.in.rest;

import dev.accounts.application.port.in.NewSession;
import java.time.Instant;

/** A new session as the client gets it, once: the bearer token and when it ends at the latest. */
public record SessionResponse(String token, String tokenType, Instant expiresAt) {

    static final String BEARER = "Bearer";

    public static SessionResponse from(NewSession session) {
        return new SessionResponse(session.token(), BEARER, session.expiresAt());
    }

    @Override
    public String toString() {
        return "SessionResponse[token=hidden, tokenType=" + tokenType + ", expiresAt=" + expiresAt + "]";
    }
}
