package dev.accounts.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How the outbox stands, for monitoring: how much mail waits, how long the oldest has waited, how much was given up
 * on. Read-only; an implementation answers in one look at the store, so the three figures agree with each other.
 */
public interface MailQueueStatistics {

    Snapshot snapshot();

    /**
     * The outbox at one moment.
     *
     * @param pending               messages neither sent nor dead: due, leased by a worker, or waiting for a retry
     * @param oldestPendingQueuedAt when the oldest pending message was queued; empty when none is pending
     * @param dead                  messages given up on
     */
    record Snapshot(long pending, Optional<Instant> oldestPendingQueuedAt, long dead) {

        public Snapshot {
            Objects.requireNonNull(oldestPendingQueuedAt, "oldestPendingQueuedAt");
            if (pending < 0 || dead < 0) {
                throw new IllegalArgumentException("counts cannot be negative");
            }
        }

        /** How long the oldest pending message has waited at {@code now}; zero when none waits (or clocks disagree). */
        public Duration oldestPendingAge(Instant now) {
            return oldestPendingQueuedAt.map(queuedAt -> Duration.between(queuedAt, now))
                    .filter(age -> !age.isNegative())
                    .orElse(Duration.ZERO);
        }
    }
}
