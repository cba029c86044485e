package dev.accounts.adapter.out.inmemory;

import dev.accounts.application.port.out.MailDeliveryQueue;
import dev.accounts.application.port.out.MailOutbox;
import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.application.port.out.QueuedMail;
import dev.accounts.application.port.out.RecentMail;
import dev.accounts.domain.user.EmailAddress;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The mail outbox in memory, all three sides, with the PostgreSQL outbox's rules: a message queued in a unit of work
 * exists only if the unit commits; a claim leases the oldest due messages (by due time, then order queued) to one
 * worker until the lease runs out; sent and dead are final, also for a late worker; a message that carries a token
 * loses it once sent or dead, so no raw token stays in memory after delivery. Every message stays, whatever became of
 * it, and counts towards the per-recipient limits.
 */
public final class InMemoryMailOutbox implements MailOutbox, MailDeliveryQueue, RecentMail {

    private static final Logger LOG = System.getLogger(InMemoryMailOutbox.class.getName());

    public enum Status { PENDING, SENT, DEAD }

    /**
     * One stored message with its delivery state; {@code lockedUntil} and {@code lastError} may be null, {@code diedAt}
     * is null unless the message is dead.
     */
    public record Entry(UUID id, OutgoingMail mail, Status status, int attempts, Instant nextAttemptAt,
                        Instant lockedUntil, String lastError, Instant queuedAt, Instant diedAt) {

        public Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(mail, "mail");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
            Objects.requireNonNull(queuedAt, "queuedAt");
        }

        private boolean dueAt(Instant now) {
            return status == Status.PENDING && !nextAttemptAt.isAfter(now) && (lockedUntil == null || lockedUntil.isBefore(now));
        }

        private Entry leasedUntil(Instant until) {
            return new Entry(id, mail, status, attempts + 1, nextAttemptAt, until, lastError, queuedAt, null);
        }

        private Entry dueAgainAt(Instant at, String error) {
            return new Entry(id, mail, Status.PENDING, attempts, at, null, error, queuedAt, null);
        }

        private Entry finished(Status end, String error, Instant endedAt) {
            return new Entry(id, withoutToken(mail), end, attempts, nextAttemptAt, null, error, queuedAt,
                    end == Status.DEAD ? endedAt : null);
        }

        /** Pending again as if new (its token, if it had one, stays blanked): due at {@code now}, no attempts. */
        private Entry requeuedAt(Instant now) {
            return new Entry(id, mail, Status.PENDING, 0, now, null, null, queuedAt, null);
        }
    }

    private final InMemoryTransactions transactions;
    private final Clock clock;
    private final TransactionalMap<UUID, Entry> entries;

    /** An outbox that dates new messages (queued, first due) by {@code clock}, the clock the workers claim by. */
    public InMemoryMailOutbox(InMemoryTransactions transactions, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.entries = new TransactionalMap<>(transactions);
    }

    @Override
    public void enqueue(OutgoingMail mail) {
        UUID id = UUID.randomUUID();
        // Kept to microseconds, as the PostgreSQL outbox keeps it, so both stores answer the same questions alike.
        Instant queuedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        transactions.inTransaction(() -> entries.put(id,
                new Entry(id, mail, Status.PENDING, 0, queuedAt, null, null, queuedAt, null)));
    }

    @Override
    public List<QueuedMail> claimDue(Instant now, Duration lease, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return transactions.inTransaction(() -> entries
                .query(stream -> stream.filter(entry -> entry.dueAt(now))
                        .sorted(Comparator.comparing(Entry::nextAttemptAt))
                        .limit(limit)
                        .toList())
                .stream()
                .map(entry -> {
                    Entry leased = entry.leasedUntil(now.plus(lease));
                    entries.put(leased.id(), leased);
                    return new QueuedMail(leased.id(), leased.mail(), leased.attempts());
                })
                .toList());
    }

    @Override
    public void markSent(UUID id, Instant sentAt) {
        finish(id, "sent", entry -> entry.finished(Status.SENT, entry.lastError(), sentAt));
    }

    @Override
    public void retryLater(UUID id, Instant nextAttemptAt, String lastError) {
        finish(id, "retry", entry -> entry.dueAgainAt(nextAttemptAt, lastError));
    }

    @Override
    public void markDead(UUID id, String lastError) {
        Instant diedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        finish(id, "dead", entry -> entry.finished(Status.DEAD, lastError, diedAt));
    }

    @Override
    public int countQueuedSince(EmailAddress recipient, Set<MailTemplate> templates, Instant since) {
        return entries.query(stream -> (int) stream
                .filter(entry -> entry.mail().recipient().equals(recipient) && templates.contains(entry.mail().template())
                        && !entry.queuedAt().isBefore(since))
                .count());
    }

    /**
     * Puts a dead message back in the queue, due at {@code now} with no attempts counted, for {@link InMemoryDeadLetters};
     * false when no dead message has this id. Checked and written in one unit, so of concurrent calls one succeeds.
     */
    boolean requeue(UUID id, Instant now) {
        return transactions.inTransaction(() -> entries.get(id)
                .filter(entry -> entry.status() == Status.DEAD)
                .map(entry -> {
                    entries.put(id, entry.requeuedAt(now));
                    return true;
                })
                .orElse(false));
    }

    /** Every message, in the order queued. */
    public List<Entry> entries() {
        return entries.query(stream -> stream.toList());
    }

    /** The messages not yet sent nor given up on, in the order queued. */
    public List<OutgoingMail> pending() {
        return entries.query(stream -> stream.filter(entry -> entry.status() == Status.PENDING).map(Entry::mail).toList());
    }

    /** The messages of one template queued for an address (ignoring case), in the order queued. */
    public List<OutgoingMail> queuedFor(EmailAddress recipient, MailTemplate template) {
        return entries.query(stream -> stream.map(Entry::mail)
                .filter(mail -> mail.recipient().equals(recipient) && mail.template() == template).toList());
    }

    /** Sent and dead messages are final: a late worker whose lease ran out must not change them. */
    private void finish(UUID id, String outcome, UnaryOperator<Entry> change) {
        boolean changed = transactions.inTransaction(() -> entries.get(id)
                .filter(entry -> entry.status() == Status.PENDING)
                .map(entry -> {
                    entries.put(id, change.apply(entry));
                    return true;
                })
                .orElse(false));
        if (!changed) {
            LOG.log(Level.WARNING, "Mail outbox_id={0} was no longer pending when marked {1}; was its lease too short?",
                    id, outcome);
        }
    }

    /** The parameters with the token blanked, when the template carries one; the key stays, so the mail stays valid. */
    private static OutgoingMail withoutToken(OutgoingMail mail) {
        if (!mail.parameters().containsKey(MailTemplate.TOKEN)) {
            return mail;
        }
        Map<String, String> parameters = new HashMap<>(mail.parameters());
        parameters.put(MailTemplate.TOKEN, "");
        return new OutgoingMail(mail.template(), mail.recipient(), parameters);
    }
}
