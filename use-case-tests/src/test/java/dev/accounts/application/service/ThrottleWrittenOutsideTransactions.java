package dev.accounts.application.service;

import dev.accounts.adapter.out.inmemory.InMemoryTransactions;
import dev.accounts.application.port.out.LoginThrottle;
import dev.accounts.application.port.out.ThrottleKey;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * The store's throttle as a use case sees it, failing the test when a use case writes to it inside a unit of work: a
 * counted failure must commit on its own, or the rollback of the refused change would take it back.
 */
final class ThrottleWrittenOutsideTransactions implements LoginThrottle {

    private final LoginThrottle throttle;
    private final InMemoryTransactions transactions;

    ThrottleWrittenOutsideTransactions(LoginThrottle throttle, InMemoryTransactions transactions) {
        this.throttle = throttle;
        this.transactions = transactions;
    }

    @Override
    public Optional<Instant> blockedUntil(Collection<ThrottleKey> keys, Instant now) {
        return throttle.blockedUntil(keys, now);
    }

    @Override
    public int recordFailure(ThrottleKey key, Instant now) {
        checkOutsideTransactions();
        return throttle.recordFailure(key, now);
    }

    @Override
    public void block(ThrottleKey key, Instant until) {
        checkOutsideTransactions();
        throttle.block(key, until);
    }

    @Override
    public void reset(ThrottleKey key) {
        checkOutsideTransactions();
        throttle.reset(key);
    }

    private void checkOutsideTransactions() {
        if (transactions.inProgress()) {
            throw new AssertionError("the login throttle was written inside a transaction");
        }
    }
}
