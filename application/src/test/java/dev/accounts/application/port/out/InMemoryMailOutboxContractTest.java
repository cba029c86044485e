package dev.accounts.application.port.out;

import dev.accounts.application.contracts.MailOutboxContract;
import dev.accounts.application.fixtures.InMemoryMailOutbox;
import java.time.Clock;

class InMemoryMailOutboxContractTest extends MailOutboxContract {

    @Override
    protected Sides outbox(Clock clock) {
        return Sides.of(new InMemoryMailOutbox(clock));
    }
}
