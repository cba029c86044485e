package dev.accounts.application.port.in;

import java.time.Duration;

/** The same request came too soon after the last one; it may be repeated after {@link #retryAfter()}. */
public final class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequestsException(Duration retryAfter) {
        super("too many requests; retry after " + retryAfter.toSeconds() + " s", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
