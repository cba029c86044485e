package dev.accounts.adapter.out.inmemory;

import dev.accounts.adapter.out.inmemory.InMemoryMailOutbox.Entry;
import dev.accounts.adapter.out.inmemory.InMemoryMailOutbox.Status;
import dev.accounts.application.port.out.MailQueueStatistics;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** How the in-memory outbox stands, from one look at it, so the three figures agree with each other. */
public final class InMemoryMailQueueStatistics implements MailQueueStatistics {

    private final InMemoryMailOutbox outbox;

    public InMemoryMailQueueStatistics(InMemoryMailOutbox outbox) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    @Override
    public Snapshot snapshot() {
        List<Entry> entries = outbox.entries();
        List<Entry> pending = entries.stream().filter(entry -> entry.status() == Status.PENDING).toList();
        long dead = entries.stream().filter(entry -> entry.status() == Status.DEAD).count();
        return new Snapshot(pending.size(), pending.stream().map(Entry::queuedAt).min(Instant::compareTo), dead);
    }
}
