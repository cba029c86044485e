package dev.accounts.domain.audit;

import dev.accounts.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the append-only audit trail: when (UTC), what, to whom when known, from which client address when
 * known, and how it ended. Never a password, a hash, a token or a session id.
 */
public record AuditEvent(Instant occurredAt, AuditAction action, UserId userId, String clientAddress, AuditOutcome outcome) {

    public AuditEvent {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }
}
