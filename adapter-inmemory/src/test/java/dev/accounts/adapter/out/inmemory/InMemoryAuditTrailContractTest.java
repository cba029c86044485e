package dev.accounts.adapter.out.inmemory;

import dev.accounts.application.contracts.AuditTrailContract;
import dev.accounts.application.port.out.AuditTrail;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.domain.audit.AuditEvent;
import java.util.List;

class InMemoryAuditTrailContractTest extends AuditTrailContract {

    private final InMemoryStore store = new InMemoryStore();

    @Override
    protected AuditTrail audit() {
        return store.audit();
    }

    @Override
    protected Transactions transactions() {
        return store.transactions();
    }

    @Override
    protected List<AuditEvent> recorded() {
        return store.audit().events();
    }
}
