package dev.accounts.bootstrap;

import dev.accounts.application.port.out.MailOutbox;
import dev.accounts.application.port.out.OutgoingMail;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes the outbox worker when a transaction that queued mail commits, so mail leaves within milliseconds
 * instead of at the next poll. Only after commit: a rolled-back message does not exist, and waking the worker
 * earlier would find nothing. The poll remains the guarantee; this is only about latency.
 */
final class WakeWorkerAfterCommit implements MailOutbox {

    private final MailOutbox outbox;
    private final Runnable wakeUp;

    WakeWorkerAfterCommit(MailOutbox outbox, Runnable wakeUp) {
        this.outbox = outbox;
        this.wakeUp = wakeUp;
    }

    @Override
    public void enqueue(OutgoingMail mail) {
        outbox.enqueue(mail);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeUp.run();
                }
            });
        } else {
            wakeUp.run();
        }
    }
}
