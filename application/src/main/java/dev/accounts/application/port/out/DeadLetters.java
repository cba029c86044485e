package dev.accounts.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox's dead messages, for a superuser: listed, looked at, and put back in the queue. Kept apart from
 * {@link MailDeliveryQueue}, which is the delivery worker's view. Runs inside the caller's transaction when there is one.
 */
public interface DeadLetters {

    /**
     * Dead messages in {@link DeadLetterKey} order, only those after {@code after} when it is not null, at most
     * {@code limit} of them. Pending and sent messages are never listed.
     */
    List<DeadLetter> list(DeadLetterKey after, int limit);

    /** The dead message with this id; empty when there is none, or the message is pending or sent. */
    Optional<DeadLetter> find(UUID id);

    /**
     * Puts the dead message back in the queue: pending, due at {@code now}, no attempts counted, no error, no lease,
     * so the delivery worker claims it like a new one. Atomic: of concurrent calls for one message, one succeeds.
     *
     * @return false when no dead message has this id (none at all, or it is pending or sent), and nothing changed
     */
    boolean requeue(UUID id, Instant now);
}
