package dev.accounts.adapter.out.persistence;

import dev.accounts.application.contracts.DeadLettersContract;
import java.time.Clock;
import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedDatabase.class)
class JooqDeadLettersContractTest extends DeadLettersContract {

    private final DSLContext dsl;

    JooqDeadLettersContractTest(TestDatabase database) {
        this.dsl = database.dsl();
    }

    @Override
    protected Store store(Clock clock) {
        JooqMailOutbox outbox = new JooqMailOutbox(dsl, clock);
        return new Store(outbox, outbox, new JooqDeadLetters(dsl));
    }
}
