package dev.accounts.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Consecutive login failures per key (an account, a client address) and how long each key is blocked. Kept in the
 * store, so the throttle holds across instances and restarts. Keys come from {@link ThrottleKey}.
 */
public interface LoginThrottle {

    /**
     * How long a failure is remembered: a failure more than this after the previous one starts a new run. This is
     * how a client address (never reset by a success) recovers, and why old typos do not add up over days.
     */
    Duration FAILURE_MEMORY = Duration.ofHours(1);

    /**
     * The keys' standing at {@code now}, in one read: the latest block still running, and which keys have anything a
     * {@link #reset} would forget (so that a success need not write when there is nothing to forgive).
     */
    ThrottleStanding standing(Collection<ThrottleKey> keys, Instant now);

    /**
     * Counts one more consecutive failure for the key, atomically, and returns the new count; when the previous
     * failure is more than {@link #FAILURE_MEMORY} before {@code now}, the count starts again at 1.
     */
    int recordFailure(ThrottleKey key, Instant now);

    /**
     * {@link #recordFailure} for each of the distinct {@code keys}, returning the new counts in their order. A store
     * that can does it in one write: a failed login counts against the account and the client address, an unknown
     * login against the address alone, and the two must take the same time, or the time tells which logins exist.
     */
    default List<Integer> recordFailures(List<ThrottleKey> keys, Instant now) {
        return keys.stream().map(key -> recordFailure(key, now)).toList();
    }

    /** Blocks the key until {@code until}; a block is only ever lengthened, and the failure count is left alone. */
    void block(ThrottleKey key, Instant until);

    /** A success: the key's failures are forgotten and any block lifted. */
    void reset(ThrottleKey key);
}
