package dev.accounts.adapter.out.persistence;

import dev.accounts.application.contracts.UserDirectoryContract;
import dev.accounts.application.port.out.UserDirectory;
import dev.accounts.application.port.out.UserRepository;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedDatabase.class)
class JooqUserDirectoryContractTest extends UserDirectoryContract {

    private final JooqUserRepository users;
    private final JooqUserDirectory directory;

    JooqUserDirectoryContractTest(TestDatabase database) {
        this.users = new JooqUserRepository(database.dsl());
        this.directory = new JooqUserDirectory(database.dsl());
    }

    @Override
    protected UserRepository users() {
        return users;
    }

    @Override
    protected UserDirectory directory() {
        return directory;
    }
}
