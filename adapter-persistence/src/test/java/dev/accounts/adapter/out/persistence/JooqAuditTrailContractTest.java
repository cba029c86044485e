package dev.accounts.adapter.out.persistence;

import static dev.accounts.adapter.out.persistence.jooq.Tables.AUDIT_EVENTS;

import dev.accounts.application.contracts.AuditTrailContract;
import dev.accounts.application.port.out.AuditTrail;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.audit.AuditOutcome;
import dev.accounts.domain.user.UserId;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.ExtendWith;

/** The trail is never emptied between tests (it is append-only); the contract finds each test's own rows. */
@ExtendWith(SharedDatabase.class)
class JooqAuditTrailContractTest extends AuditTrailContract {

    private final DSLContext dsl;
    private final SpringTransactions transactions;
    private final JooqAuditTrail audit;

    JooqAuditTrailContractTest(TestDatabase database) {
        this.dsl = database.dsl();
        this.transactions = database.transactions();
        this.audit = new JooqAuditTrail(dsl);
    }

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
        return dsl.selectFrom(AUDIT_EVENTS).orderBy(AUDIT_EVENTS.ID).fetch(row -> new AuditEvent(
                Timestamps.fromDatabase(row.getOccurredAt()), AuditAction.valueOf(row.getAction()),
                row.getUserId() == null ? null : new UserId(row.getUserId()), row.getClientAddress(),
                AuditOutcome.valueOf(row.getOutcome()), row.getActorId() == null ? null : new UserId(row.getActorId()),
                row.getMailId()));
    }
}
