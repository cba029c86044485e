package dev.accounts.domain.throttle;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a caller must wait after a run of consecutive failures: nothing for the first {@code freeFailures},
 * then {@code firstWait}, doubling with each further failure up to {@code maxWait}. For accounts the default is
 * from the 5th failure, 1 s doubling to 15 min (SECURITY.md); for client addresses, which stand for many users
 * behind one NAT, the free allowance is larger.
 */
public record BackoffPolicy(int freeFailures, Duration firstWait, Duration maxWait) {

    public static final BackoffPolicy ACCOUNT = new BackoffPolicy(4, Duration.ofSeconds(1), Duration.ofMinutes(15));
    public static final BackoffPolicy CLIENT = new BackoffPolicy(20, Duration.ofSeconds(1), Duration.ofMinutes(15));

    public BackoffPolicy {
        Objects.requireNonNull(firstWait, "firstWait");
        Objects.requireNonNull(maxWait, "maxWait");
        if (freeFailures < 0 || firstWait.isNegative() || firstWait.isZero() || maxWait.compareTo(firstWait) < 0) {
            throw new IllegalArgumentException("need freeFailures >= 0 and 0 < firstWait <= maxWait");
        }
    }

    /** The wait imposed once {@code consecutiveFailures} failures happened in a row. */
    public Duration waitAfter(int consecutiveFailures) {
        int beyondFree = consecutiveFailures - freeFailures;
        if (beyondFree <= 0) {
            return Duration.ZERO;
        }
        int doublings = Math.min(beyondFree - 1, 30);
        Duration wait = firstWait.multipliedBy(1L << doublings);
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }
}
