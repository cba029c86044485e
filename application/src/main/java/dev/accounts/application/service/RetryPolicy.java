package dev.accounts.application.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a failed delivery again: exponential backoff with full jitter (a random delay between zero and
 * {@code min(cap, base * 2^(attempt-1))}), so that many messages failing together do not retry together;
 * no further attempt once {@code maxAttempts} were made.
 */
public record RetryPolicy(Duration base, Duration cap, int maxAttempts) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(10), 10);

    public RetryPolicy {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("need 0 < base <= cap and maxAttempts >= 1");
        }
    }

    /** The time of the next attempt after {@code attemptsMade} failed ones, or empty when none is left. */
    public Optional<Instant> nextAttempt(int attemptsMade, Instant now, RandomGenerator random) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(now.plusMillis(random.nextLong(ceilingMillis(attemptsMade) + 1)));
    }

    long ceilingMillis(int attemptsMade) {
        int doublings = Math.min(Math.max(attemptsMade - 1, 0), 40);
        long ceiling = base.toMillis() << doublings;
        return ceiling <= 0 ? cap.toMillis() : Math.min(cap.toMillis(), ceiling);
    }
}
