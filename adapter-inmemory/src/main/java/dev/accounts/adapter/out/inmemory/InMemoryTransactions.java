package dev.accounts.adapter.out.inmemory;

import dev.accounts.application.port.out.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * All-or-nothing units of work over the in-memory stores built with it. One unit runs at a time: the unit lock is
 * held from the start of the outermost unit to its end, so writes never interleave and every read-modify-write of a
 * store (a uniqueness check and insert, a token's single use, a failure count) is atomic. A unit's writes are kept
 * aside and shown only to its own thread; they are published together when the work returns, or dropped when it
 * throws. Other threads go on reading the committed state meanwhile, without waiting for the unit: they see all of
 * a unit's writes or none of them.
 *
 * <p>A nested unit joins the outer one. As with the PostgreSQL adapter's transactions, a nested unit whose work
 * throws dooms the whole unit: if the outer work catches the exception and returns, nothing is published and
 * {@link IllegalStateException} says so.
 *
 * <p>A store write made outside any unit is a unit of its own.
 */
public final class InMemoryTransactions implements Transactions {

    private final ReentrantLock unitLock = new ReentrantLock();
    private final ReentrantReadWriteLock publication = new ReentrantReadWriteLock();
    /** The maps the running unit wrote to. Guarded by the unit lock. */
    private final List<TransactionalMap<?, ?>> written = new ArrayList<>();
    /** Whether a nested unit of the running unit failed. Guarded by the unit lock. */
    private boolean doomed;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (inProgress()) {
            return joined(work);
        }
        unitLock.lock();
        boolean published = false;
        try {
            T result = work.get();
            if (doomed) {
                throw new IllegalStateException("the unit of work was rolled back: a nested unit of work failed");
            }
            publish();
            published = true;
            return result;
        } finally {
            if (!published) {
                written.forEach(TransactionalMap::discard);
            }
            written.clear();
            doomed = false;
            unitLock.unlock();
        }
    }

    /** Whether the calling thread is running the work of a unit (its own, or a store write's). */
    public boolean inProgress() {
        return unitLock.isHeldByCurrentThread();
    }

    /**
     * Runs reads that must see one committed state: no unit is published while they run. The running unit's own
     * thread sees its writes on top of that state.
     */
    <T> T read(Supplier<T> reads) {
        publication.readLock().lock();
        try {
            return reads.get();
        } finally {
            publication.readLock().unlock();
        }
    }

    /** Called by a map the first time the running unit writes to it. */
    void enlist(TransactionalMap<?, ?> map) {
        requireUnit();
        written.add(map);
    }

    void requireUnit() {
        if (!inProgress()) {
            throw new IllegalStateException("an in-memory store was written outside a unit of work");
        }
    }

    private <T> T joined(Supplier<T> work) {
        boolean done = false;
        try {
            T result = work.get();
            done = true;
            return result;
        } finally {
            if (!done) {
                doomed = true;
            }
        }
    }

    private void publish() {
        publication.writeLock().lock();
        try {
            written.forEach(TransactionalMap::publish);
        } finally {
            publication.writeLock().unlock();
        }
    }
}
