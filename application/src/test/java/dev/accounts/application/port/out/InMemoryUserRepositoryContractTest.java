package dev.accounts.application.port.out;

import dev.accounts.application.contracts.UserRepositoryContract;
import dev.accounts.application.fixtures.InMemoryUserRepository;

class InMemoryUserRepositoryContractTest extends UserRepositoryContract {

    private final InMemoryUserRepository users = new InMemoryUserRepository();

    @Override
    protected UserRepository users() {
        return users;
    }
}
