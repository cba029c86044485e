package dev.accounts.domain.audit;

import dev.accounts.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of the append-only audit trail: when (UTC), what, to whom when known, from which client address when
 * known, and how it ended. Never a password, a hash, a token or a session id.
 *
 * <p>Most events are a user acting on their own account: {@code userId} is both who and to whom, and {@code actorId}
 * is null. When a superuser acts, {@code actorId} is the superuser and {@code userId} the account acted on (null when
 * the action concerns no single account, such as a listing); {@code mailId} names the outbox message an action was
 * about, when it was about one.
 */
public record AuditEvent(Instant occurredAt, AuditAction action, UserId userId, String clientAddress, AuditOutcome outcome,
                         UserId actorId, UUID mailId) {

    public AuditEvent {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** An event of a user on their own account (or of nobody known yet): no separate actor, no message. */
    public AuditEvent(Instant occurredAt, AuditAction action, UserId userId, String clientAddress, AuditOutcome outcome) {
        this(occurredAt, action, userId, clientAddress, outcome, null, null);
    }

    /** An action of the superuser {@code actorId} on the account {@code userId} (null: on no single account). */
    public static AuditEvent byAdmin(Instant occurredAt, AuditAction action, UserId actorId, UserId userId,
                                     String clientAddress, AuditOutcome outcome) {
        return new AuditEvent(occurredAt, action, userId, clientAddress, outcome, Objects.requireNonNull(actorId, "actorId"),
                null);
    }

    /** The same event, about the outbox message {@code mailId}. */
    public AuditEvent aboutMail(UUID mailId) {
        return new AuditEvent(occurredAt, action, userId, clientAddress, outcome, actorId, mailId);
    }
}
