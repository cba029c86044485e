package dev.accounts.adapter.out.persistence;

import dev.accounts.application.contracts.ProfileRepositoryContract;
import dev.accounts.application.port.out.ProfileRepository;
import dev.accounts.domain.user.User;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedDatabase.class)
class JooqProfileRepositoryContractTest extends ProfileRepositoryContract {

    private final JooqUserRepository users;
    private final JooqProfileRepository profiles;

    JooqProfileRepositoryContractTest(TestDatabase database) {
        this.users = new JooqUserRepository(database.dsl());
        this.profiles = new JooqProfileRepository(database.dsl());
    }

    @Override
    protected ProfileRepository profiles() {
        return profiles;
    }

    /** A profile row refers to its user's row. */
    @Override
    protected void addUser(User user) {
        users.add(user);
    }
}
