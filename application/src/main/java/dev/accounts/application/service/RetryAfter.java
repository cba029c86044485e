package dev.accounts.application.service;

import java.time.Duration;

/** Waits as a client is told them: whole seconds (what {@code Retry-After} carries), never shorter than the real one. */
final class RetryAfter {

    private RetryAfter() {
    }

    /** Rounded up to whole seconds, at least one: "retry after 0 s" would invite an immediate, refused retry. */
    static Duration of(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Duration.ofSeconds(Math.max(1, seconds));
    }
}
