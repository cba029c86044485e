package dev.accounts.adapter.out.persistence;

import dev.accounts.application.contracts.UserRepositoryContract;
import dev.accounts.application.port.out.UserRepository;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedDatabase.class)
class JooqUserRepositoryContractTest extends UserRepositoryContract {

    private final JooqUserRepository users;

    JooqUserRepositoryContractTest(TestDatabase database) {
        this.users = new JooqUserRepository(database.dsl());
    }

    @Override
    protected UserRepository users() {
        return users;
    }
}
