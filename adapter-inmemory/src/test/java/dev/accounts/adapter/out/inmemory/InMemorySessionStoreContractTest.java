package dev.accounts.adapter.out.inmemory;

import dev.accounts.application.contracts.SessionStoreContract;
import dev.accounts.application.port.out.SessionStore;
import dev.accounts.domain.user.Profile;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;

class InMemorySessionStoreContractTest extends SessionStoreContract {

    private final InMemoryStore store = new InMemoryStore();

    @Override
    protected SessionStore sessions() {
        return store.sessions();
    }

    /** Nothing here refers to a user the way a foreign key does; the user is stored anyway, as the service would. */
    @Override
    protected void addUser(User user) {
        store.users().add(user);
    }

    @Override
    protected void saveProfile(UserId user, Profile profile) {
        store.profiles().save(user, profile);
    }
}
