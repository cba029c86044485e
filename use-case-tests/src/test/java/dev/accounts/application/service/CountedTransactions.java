package dev.accounts.application.service;

import dev.accounts.application.port.out.Transactions;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The store's transactions as a use case sees them, counting the units the use cases open: lets a test show that a
 * refusal writes nothing (opens no unit) and that a change is one unit.
 */
final class CountedTransactions implements Transactions {

    private final Transactions transactions;
    private final AtomicInteger count = new AtomicInteger();

    CountedTransactions(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        count.incrementAndGet();
        return transactions.inTransaction(work);
    }

    /** How many units were opened through this, nested ones included. */
    int count() {
        return count.get();
    }
}
