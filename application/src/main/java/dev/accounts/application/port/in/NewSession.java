package dev.accounts.application.port.in;

import java.time.Instant;

/** A session just opened: the bearer token (shown once, only its digest is stored) and when it ends at the latest. */
public record NewSession(String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "NewSession[token=hidden, expiresAt=" + expiresAt + "]";
    }
}
