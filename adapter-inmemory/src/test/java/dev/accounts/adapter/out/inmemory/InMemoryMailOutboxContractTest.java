package dev.accounts.adapter.out.inmemory;

import dev.accounts.application.contracts.MailOutboxContract;
import java.time.Clock;

class InMemoryMailOutboxContractTest extends MailOutboxContract {

    @Override
    protected Sides outbox(Clock clock) {
        return Sides.of(new InMemoryStore(clock).outbox());
    }
}
