package dev.accounts.application.service;

import dev.accounts.adapter.out.inmemory.InMemoryTransactions;
import dev.accounts.application.port.out.LoginThrottle;
import dev.accounts.application.port.out.ThrottleKey;
import dev.accounts.application.port.out.ThrottleStanding;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The store's throttle as a use case sees it, failing the test when a use case writes to it inside a unit of work: a
 * counted failure must commit on its own, or the rollback of the refused change would take it back. Keeps the keys of
 * each write that counted failures, so a test can see which keys went together, and of each reset.
 */
final class ThrottleWrittenOutsideTransactions implements LoginThrottle {

    private final LoginThrottle throttle;
    private final InMemoryTransactions transactions;
    private final List<List<ThrottleKey>> failureWrites = new CopyOnWriteArrayList<>();
    private final List<ThrottleKey> resets = new CopyOnWriteArrayList<>();

    ThrottleWrittenOutsideTransactions(LoginThrottle throttle, InMemoryTransactions transactions) {
        this.throttle = throttle;
        this.transactions = transactions;
    }

    @Override
    public ThrottleStanding standing(Collection<ThrottleKey> keys, Instant now) {
        return throttle.standing(keys, now);
    }

    @Override
    public int recordFailure(ThrottleKey key, Instant now) {
        checkOutsideTransactions();
        failureWrites.add(List.of(key));
        return throttle.recordFailure(key, now);
    }

    @Override
    public List<Integer> recordFailures(List<ThrottleKey> keys, Instant now) {
        checkOutsideTransactions();
        failureWrites.add(List.copyOf(keys));
        return throttle.recordFailures(keys, now);
    }

    @Override
    public void block(ThrottleKey key, Instant until) {
        checkOutsideTransactions();
        throttle.block(key, until);
    }

    @Override
    public void reset(ThrottleKey key) {
        checkOutsideTransactions();
        resets.add(key);
        throttle.reset(key);
    }

    /** The keys reset, in order. */
    List<ThrottleKey> resets() {
        return List.copyOf(resets);
    }

    /** The keys of each write that counted failures, in the order of the writes. */
    List<List<ThrottleKey>> failureWrites() {
        return List.copyOf(failureWrites);
    }

    private void checkOutsideTransactions() {
        if (transactions.inProgress()) {
            throw new AssertionError("the login throttle was written inside a transaction");
        }
    }
}
