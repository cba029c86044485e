package dev.accounts.adapter.in.rest;

import java.io.IOException;
import java.util.Optional;

/**
 * Reading the request body went past the limit. An {@link IOException}, because that is what a failing
 * stream may throw; whoever reads the body (Jackson, Spring) wraps it, so callers look for it in the causes.
 */
final class RequestBodyTooLargeException extends IOException {

    private static final int MAX_CAUSE_DEPTH = 32;

    private final long maxBytes;

    RequestBodyTooLargeException(long maxBytes) {
        super("request body larger than " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    long maxBytes() {
        return maxBytes;
    }

    static Optional<RequestBodyTooLargeException> findIn(Throwable failure) {
        // Bounded: a cause chain can, in principle, loop.
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_CAUSE_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof RequestBodyTooLargeException tooLarge) {
                return Optional.of(tooLarge);
            }
        }
        return Optional.empty();
    }

    static String detail(long maxBytes) {
        return "The request body must not be larger than " + maxBytes + " bytes.";
    }
}
