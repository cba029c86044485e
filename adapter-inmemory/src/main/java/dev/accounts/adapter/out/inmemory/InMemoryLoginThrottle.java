package dev.accounts.adapter.out.inmemory;

import dev.accounts.application.port.out.LoginThrottle;
import dev.accounts.application.port.out.ThrottleKey;
import dev.accounts.application.port.out.ThrottleStanding;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Login failures and blocks per key in memory, with the PostgreSQL throttle's rules: each failure is counted once, in
 * a unit of work of its own (so concurrent failures give 1, 2, 3, …), a block only ever lengthens, and a reset forgets
 * the key. Every client address that ever failed keeps an entry until {@link #deleteStale} sweeps it.
 */
public final class InMemoryLoginThrottle implements LoginThrottle {

    /** One key's run of failures; {@code lastFailureAt} and {@code blockedUntil} may be null. */
    private record Run(ThrottleKey key, int failures, Instant lastFailureAt, Instant blockedUntil, Instant updatedAt) {

        static Run none(ThrottleKey key, Instant now) {
            return new Run(key, 0, null, null, now);
        }

        Run failedAt(Instant now, Instant updated) {
            boolean forgotten = lastFailureAt != null && lastFailureAt.plus(FAILURE_MEMORY).isBefore(now);
            return new Run(key, forgotten ? 1 : failures + 1, now, blockedUntil, updated);
        }

        Run blockedUntil(Instant until, Instant updated) {
            // Only ever lengthens: of two racing failures, the one with the shorter wait may finish last.
            Instant longer = blockedUntil == null || until.isAfter(blockedUntil) ? until : blockedUntil;
            return new Run(key, failures, lastFailureAt, longer, updated);
        }

        boolean blocksAfter(Instant now) {
            return blockedUntil != null && blockedUntil.isAfter(now);
        }

        boolean staleBefore(Instant before) {
            return updatedAt.isBefore(before) && (blockedUntil == null || !blockedUntil.isAfter(before));
        }
    }

    private final InMemoryTransactions transactions;
    private final Clock clock;
    private final TransactionalMap<ThrottleKey, Run> runs;

    /** A throttle that dates its entries by {@code clock}, for {@link #deleteStale}. */
    public InMemoryLoginThrottle(InMemoryTransactions transactions, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.runs = new TransactionalMap<>(transactions);
    }

    @Override
    public ThrottleStanding standing(Collection<ThrottleKey> keys, Instant now) {
        return transactions.read(() -> {
            List<Run> found = keys.stream().flatMap(key -> runs.get(key).stream()).toList();
            Optional<Instant> blockedUntil = found.stream()
                    .filter(run -> run.blocksAfter(now))
                    .map(Run::blockedUntil)
                    .max(Instant::compareTo);
            return new ThrottleStanding(blockedUntil, found.stream().map(Run::key).collect(Collectors.toSet()));
        });
    }

    @Override
    public int recordFailure(ThrottleKey key, Instant now) {
        return transactions.inTransaction(() -> {
            Run run = runs.get(key).orElseGet(() -> Run.none(key, now)).failedAt(now, clock.instant());
            runs.put(key, run);
            return run.failures();
        });
    }

    @Override
    public void block(ThrottleKey key, Instant until) {
        transactions.inTransaction(() -> {
            Instant updated = clock.instant();
            runs.put(key, runs.get(key).orElseGet(() -> Run.none(key, updated)).blockedUntil(until, updated));
        });
    }

    @Override
    public void reset(ThrottleKey key) {
        transactions.inTransaction(() -> runs.remove(key));
    }

    /** The consecutive failures counted for the key; 0 when none. */
    public int failures(ThrottleKey key) {
        return runs.get(key).map(Run::failures).orElse(0);
    }

    /** Until when the key is blocked, whether or not that is past; empty when it never was or was reset. */
    public Optional<Instant> blockOf(ThrottleKey key) {
        return runs.get(key).map(Run::blockedUntil);
    }

    /** Every key with an entry (a count or a block), oldest first. */
    public List<ThrottleKey> keys() {
        return runs.query(stream -> stream.map(Run::key).toList());
    }

    /**
     * Forgets the keys not written since {@code olderThan} whose block, if any, has ended by then, as the PostgreSQL
     * throttle's housekeeping does; returns how many. Not on the port: the composition root schedules it.
     */
    public int deleteStale(Instant olderThan) {
        return transactions.inTransaction(() -> {
            List<Run> stale = runs.query(stream -> stream.filter(run -> run.staleBefore(olderThan)).toList());
            stale.forEach(run -> runs.remove(run.key()));
            return stale.size();
        });
    }
}
