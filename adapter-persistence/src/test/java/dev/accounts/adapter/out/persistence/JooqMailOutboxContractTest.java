package dev.accounts.adapter.out.persistence;

import dev.accounts.application.contracts.MailOutboxContract;
import java.time.Clock;
import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedDatabase.class)
class JooqMailOutboxContractTest extends MailOutboxContract {

    private final DSLContext dsl;

    JooqMailOutboxContractTest(TestDatabase database) {
        this.dsl = database.dsl();
    }

    @Override
    protected Sides outbox(Clock clock) {
        return Sides.of(new JooqMailOutbox(dsl, clock));
    }
}
