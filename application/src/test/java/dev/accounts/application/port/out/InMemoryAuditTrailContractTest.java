package dev.accounts.application.port.out;

import dev.accounts.application.contracts.AuditTrailContract;
import dev.accounts.application.fixtures.DirectTransactions;
import dev.accounts.application.fixtures.InMemoryAuditTrail;
import dev.accounts.domain.audit.AuditEvent;
import java.util.List;

/** The transactional fake trail, as {@code InMemoryAccounts} wires it: it drops what a failed transaction recorded. */
class InMemoryAuditTrailContractTest extends AuditTrailContract {

    private final DirectTransactions transactions = new DirectTransactions();
    private final InMemoryAuditTrail audit = InMemoryAuditTrail.transactional(transactions);

    @Override
    protected AuditTrail audit() {
        return audit;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }

    @Override
    protected List<AuditEvent> recorded() {
        return audit.events();
    }
}
