package dev.accounts.application.port.out;

import dev.accounts.application.contracts.ProfileRepositoryContract;
import dev.accounts.application.fixtures.InMemoryProfileRepository;
import dev.accounts.domain.user.User;

class InMemoryProfileRepositoryContractTest extends ProfileRepositoryContract {

    private final InMemoryProfileRepository profiles = new InMemoryProfileRepository();

    @Override
    protected ProfileRepository profiles() {
        return profiles;
    }

    /** The fake refers to no user table. */
    @Override
    protected void addUser(User user) {
    }
}
