package dev.accounts.adapter.out.inmemory;

import dev.accounts.adapter.out.inmemory.InMemoryMailOutbox.Entry;
import dev.accounts.adapter.out.inmemory.InMemoryMailOutbox.Status;
import dev.accounts.application.port.out.DeadLetter;
import dev.accounts.application.port.out.DeadLetterKey;
import dev.accounts.application.port.out.DeadLetters;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The dead messages of an {@link InMemoryMailOutbox}, for the admin API: read from one look at the outbox, sorted by
 * {@link DeadLetterKey}; a re-queue is the outbox's own check-and-write, in one unit of work.
 */
public final class InMemoryDeadLetters implements DeadLetters {

    private final InMemoryMailOutbox outbox;

    public InMemoryDeadLetters(InMemoryMailOutbox outbox) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    @Override
    public List<DeadLetter> list(DeadLetterKey after, int limit) {
        return outbox.entries().stream()
                .filter(entry -> entry.status() == Status.DEAD)
                .map(InMemoryDeadLetters::toDeadLetter)
                .sorted(Comparator.comparing(DeadLetter::key))
                .filter(letter -> after == null || letter.key().compareTo(after) > 0)
                .limit(limit)
                .toList();
    }

    @Override
    public Optional<DeadLetter> find(UUID id) {
        return outbox.entries().stream()
                .filter(entry -> entry.id().equals(id) && entry.status() == Status.DEAD)
                .findFirst()
                .map(InMemoryDeadLetters::toDeadLetter);
    }

    @Override
    public boolean requeue(UUID id, Instant now) {
        return outbox.requeue(id, now);
    }

    private static DeadLetter toDeadLetter(Entry entry) {
        return new DeadLetter(entry.id(), entry.mail().recipient().value(), entry.mail().template().name(),
                entry.attempts(), entry.lastError(), entry.queuedAt(), entry.diedAt());
    }
}
