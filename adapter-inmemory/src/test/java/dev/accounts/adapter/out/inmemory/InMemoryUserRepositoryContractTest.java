package dev.accounts.adapter.out.inmemory;

import dev.accounts.application.contracts.UserRepositoryContract;
import dev.accounts.application.port.out.UserRepository;

class InMemoryUserRepositoryContractTest extends UserRepositoryContract {

    private final InMemoryStore store = new InMemoryStore();

    @Override
    protected UserRepository users() {
        return store.users();
    }
}
