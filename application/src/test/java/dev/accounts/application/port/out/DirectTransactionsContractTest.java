package dev.accounts.application.port.out;

import dev.accounts.application.contracts.TransactionsContract;
import dev.accounts.application.fixtures.DirectTransactions;
import dev.accounts.application.fixtures.InMemoryAuditTrail;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.audit.AuditOutcome;
import java.time.Instant;

/**
 * The fake transactions keep the contract only with the fakes enlisted in them: of the in-memory stores, the audit
 * trail built {@link InMemoryAuditTrail#transactional over} them. The other fakes write at once and roll nothing back,
 * which the tests of the use cases do not need.
 */
class DirectTransactionsContractTest extends TransactionsContract {

    private final DirectTransactions transactions = new DirectTransactions();
    private final InMemoryAuditTrail audit = InMemoryAuditTrail.transactional(transactions);

    @Override
    protected Transactions transactions() {
        return transactions;
    }

    @Override
    protected void write(String name) {
        audit.record(new AuditEvent(Instant.now(), AuditAction.LOGIN, null, name, AuditOutcome.SUCCESS));
    }

    @Override
    protected boolean isStored(String name) {
        return audit.events().stream().anyMatch(event -> name.equals(event.clientAddress()));
    }
}
