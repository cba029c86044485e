package dev.accounts.adapter.out.persistence;

import dev.accounts.application.port.out.Transactions;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link Transactions} on Spring's transaction management. Give it a {@code DataSourceTransactionManager} over
 * the same pool as {@link JooqContexts#create}: jOOQ's statements then join the transaction. Work that throws
 * rolls back and its exception propagates unchanged; a lost connection becomes a
 * {@link dev.accounts.application.port.out.StoreUnavailableException}.
 */
public final class SpringTransactions implements Transactions {

    private final TransactionTemplate template;

    public SpringTransactions(PlatformTransactionManager transactionManager) {
        this.template = new TransactionTemplate(Objects.requireNonNull(transactionManager, "transactionManager"));
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        try {
            return template.execute(status -> {
                T result = work.get();
                // A transaction joined from outside is not this work's to commit.
                HeldInserts.sendAllHeld(status.isNewTransaction() && !status.isRollbackOnly());
                return result;
            });
        } catch (TransactionSystemException e) {
            // The rollback after a failed work fails too when the connection is gone, and hides the work's own
            // failure; that one says what happened (nothing is committed either way).
            throw StoreFailures.translate(
                    e.getApplicationException() instanceof RuntimeException workFailure ? workFailure : e);
        } catch (RuntimeException e) {
            throw StoreFailures.translate(e);
        }
    }
}
