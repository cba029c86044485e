package dev.accounts.adapter.out.persistence;

import dev.accounts.application.contracts.MailQueueStatisticsContract;
import java.time.Clock;
import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedDatabase.class)
class JooqMailQueueStatisticsContractTest extends MailQueueStatisticsContract {

    private final DSLContext dsl;

    JooqMailQueueStatisticsContractTest(TestDatabase database) {
        this.dsl = database.dsl();
    }

    @Override
    protected Sides outboxWithStatistics(Clock clock) {
        JooqMailOutbox outbox = new JooqMailOutbox(dsl, clock);
        return new Sides(outbox, outbox, new JooqMailQueueStatistics(dsl));
    }
}
