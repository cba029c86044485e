package dev.accounts.application.port.out;

import dev.accounts.domain.audit.AuditEvent;

/**
 * The append-only record of security events. Called inside the use case's transaction for a change (the entry
 * exists if and only if the change does), on its own for a refusal.
 */
public interface AuditTrail {

    void record(AuditEvent event);
}
