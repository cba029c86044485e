package dev.accounts.adapter.out.persistence;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Defers a side effect that must not outlive a rollback (a log line) until the current Spring transaction commits. */
final class AfterCommit {

    private AfterCommit() {
    }

    /**
     * Runs the action once the current transaction has committed, and never if it rolls back; at once when there is
     * no transaction (each statement has then committed on its own).
     */
    static void run(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
