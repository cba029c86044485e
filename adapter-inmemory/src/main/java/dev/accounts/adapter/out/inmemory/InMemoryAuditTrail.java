package dev.accounts.adapter.out.inmemory;

import dev.accounts.application.port.out.AuditTrail;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The audit trail in memory: append-only (nothing here changes or removes an event), in the order recorded. An event
 * recorded inside a unit of work is kept when the unit commits and never when it fails, as the PostgreSQL table does.
 * Unlike that adapter it writes no {@code accounts.audit} log line: the events live and die with the process, and
 * {@link #events()} is how a demo or a test reads them.
 */
public final class InMemoryAuditTrail implements AuditTrail {

    private final InMemoryTransactions transactions;
    private final TransactionalMap<Long, AuditEvent> events;
    private final AtomicLong sequence = new AtomicLong();

    public InMemoryAuditTrail(InMemoryTransactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.events = new TransactionalMap<>(transactions);
    }

    @Override
    public void record(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        transactions.inTransaction(() -> events.put(sequence.incrementAndGet(), event));
    }

    /** Every event kept, oldest first. */
    public List<AuditEvent> events() {
        return events.query(stream -> stream.toList());
    }

    /** The kept events of one action, oldest first. */
    public List<AuditEvent> events(AuditAction action) {
        return events.query(stream -> stream.filter(event -> event.action() == action).toList());
    }

    /** The latest event kept. */
    public Optional<AuditEvent> last() {
        List<AuditEvent> all = events();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
    }
}
