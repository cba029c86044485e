package dev.accounts.adapter.out.inmemory;

import dev.accounts.application.contracts.ProfileRepositoryContract;
import dev.accounts.application.port.out.ProfileRepository;
import dev.accounts.domain.user.User;

class InMemoryProfileRepositoryContractTest extends ProfileRepositoryContract {

    private final InMemoryStore store = new InMemoryStore();

    @Override
    protected ProfileRepository profiles() {
        return store.profiles();
    }

    /** Nothing here refers to a user the way a foreign key does; the user is stored anyway, as the service would. */
    @Override
    protected void addUser(User user) {
        store.users().add(user);
    }
}
