package dev.accounts.adapter.out.inmemory;

import dev.accounts.application.contracts.MailQueueStatisticsContract;
import java.time.Clock;

class InMemoryMailQueueStatisticsContractTest extends MailQueueStatisticsContract {

    @Override
    protected Sides outboxWithStatistics(Clock clock) {
        InMemoryMailOutbox outbox = new InMemoryStore(clock).outbox();
        return new Sides(outbox, outbox, new InMemoryMailQueueStatistics(outbox));
    }
}
