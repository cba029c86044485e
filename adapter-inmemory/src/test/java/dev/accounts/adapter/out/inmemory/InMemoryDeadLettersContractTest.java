package dev.accounts.adapter.out.inmemory;

import dev.accounts.application.contracts.DeadLettersContract;
import java.time.Clock;

class InMemoryDeadLettersContractTest extends DeadLettersContract {

    @Override
    protected Store store(Clock clock) {
        InMemoryStore store = new InMemoryStore(clock);
        return new Store(store.outbox(), store.outbox(), store.deadLetters());
    }
}
