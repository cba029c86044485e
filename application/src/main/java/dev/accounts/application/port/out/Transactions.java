package dev.accounts.application.port.out;

import java.util.function.Supplier;

/**
 * Runs work as one database transaction: all of its writes commit together or none do. Use cases open it
 * only around their writes, after the slow work (hashing) is done, so no connection waits on a hash.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
