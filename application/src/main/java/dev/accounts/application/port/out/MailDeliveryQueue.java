package dev.accounts.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The outbox as seen by the delivery worker. Several workers (in several processes) may share it: a claim
 * gives one worker a lease on a message, and no other worker gets that message until the lease runs out.
 */
public interface MailDeliveryQueue {

    /**
     * Claims up to {@code limit} pending messages that are due at {@code now} and not leased, leases them until
     * {@code now + lease} and counts the attempt. Oldest due first.
     */
    List<QueuedMail> claimDue(Instant now, Duration lease, int limit);

    void markSent(UUID id, Instant sentAt);

    /**
     * Releases the lease and makes the message due again at {@code nextAttemptAt}. Sent and dead are final: a late
     * worker's call on such a message changes nothing.
     */
    void retryLater(UUID id, Instant nextAttemptAt, String lastError);

    /** Gives up on the message for good, keeping the error. */
    void markDead(UUID id, String lastError);
}
