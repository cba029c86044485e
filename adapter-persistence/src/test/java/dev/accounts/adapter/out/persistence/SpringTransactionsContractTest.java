package dev.accounts.adapter.out.persistence;

import dev.accounts.application.contracts.TransactionsContract;
import dev.accounts.application.fixtures.Users;
import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.audit.AuditOutcome;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.Username;
import java.time.Instant;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each write touches three stores that join the use case's transaction, as registration does: a user, a queued mail
 * and an audit entry, so a rollback that missed any of them shows.
 */
@ExtendWith(SharedDatabase.class)
class SpringTransactionsContractTest extends TransactionsContract {

    private final DSLContext dsl;
    private final SpringTransactions transactions;
    private final JooqUserRepository users;
    private final JooqMailOutbox outbox;
    private final JooqAuditTrail audit;

    SpringTransactionsContractTest(TestDatabase database) {
        this.dsl = database.dsl();
        this.transactions = database.transactions();
        this.users = new JooqUserRepository(dsl);
        this.outbox = new JooqMailOutbox(dsl);
        this.audit = new JooqAuditTrail(dsl);
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }

    @Override
    protected void write(String name) {
        users.add(Users.registered(name, address(name).value()));
        outbox.enqueue(OutgoingMail.accountExistsNotice(address(name)));
        audit.record(new AuditEvent(Instant.now(), AuditAction.REGISTRATION, null, name, AuditOutcome.SUCCESS));
    }

    @Override
    protected boolean isStored(String name) {
        return users.findByUsername(new Username(name)).isPresent()
                || outbox.countQueuedSince(address(name), Set.of(MailTemplate.ACCOUNT_EXISTS_NOTICE), Instant.EPOCH) > 0
                || dsl.fetchExists(dsl.selectOne().from("audit_events").where("client_address = ?", name));
    }

    private static EmailAddress address(String name) {
        return new EmailAddress(name + "@example.org");
    }
}
