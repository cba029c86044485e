package dev.accounts.application.service;

import dev.accounts.adapter.out.inmemory.InMemoryAuditTrail;
import dev.accounts.adapter.out.inmemory.InMemoryTransactions;
import dev.accounts.application.port.out.AuditTrail;
import dev.accounts.domain.audit.AuditEvent;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The store's audit trail as a use case sees it, noting which events a use case recorded inside its unit of work:
 * a success must be recorded with its change, a refusal on its own.
 */
final class AuditWitness implements AuditTrail {

    private final InMemoryAuditTrail trail;
    private final InMemoryTransactions transactions;
    private final Set<AuditEvent> recordedInUnits = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    AuditWitness(InMemoryAuditTrail trail, InMemoryTransactions transactions) {
        this.trail = trail;
        this.transactions = transactions;
    }

    @Override
    public void record(AuditEvent event) {
        if (transactions.inProgress()) {
            recordedInUnits.add(event);
        }
        trail.record(event);
    }

    /** The events the trail kept that were recorded inside a unit of work, oldest first. */
    List<AuditEvent> recordedInTransactions() {
        return trail.events().stream().filter(recordedInUnits::contains).toList();
    }
}
