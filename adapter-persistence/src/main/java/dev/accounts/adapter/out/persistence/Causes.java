package dev.accounts.adapter.out.persistence;

import java.util.stream.Stream;

/** A failure and its causes, outermost first: drivers, pools and frameworks each wrap the one below. */
final class Causes {

    /** Deep enough for any wrapping met here, and a guard against cause cycles. */
    private static final int MAX_DEPTH = 16;

    private Causes() {
    }

    static Stream<Throwable> of(Throwable failure) {
        return Stream.iterate(failure, cause -> cause != null, Throwable::getCause).limit(MAX_DEPTH);
    }
}
