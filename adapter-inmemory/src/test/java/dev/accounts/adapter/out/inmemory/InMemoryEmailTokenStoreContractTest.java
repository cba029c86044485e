package dev.accounts.adapter.out.inmemory;

import dev.accounts.application.contracts.EmailTokenStoreContract;
import dev.accounts.application.port.out.EmailTokenStore;
import dev.accounts.domain.user.User;

class InMemoryEmailTokenStoreContractTest extends EmailTokenStoreContract {

    private final InMemoryStore store = new InMemoryStore();

    @Override
    protected EmailTokenStore tokens() {
        return store.tokens();
    }

    /** Nothing here refers to a user the way a foreign key does; the user is stored anyway, as the service would. */
    @Override
    protected void addUser(User user) {
        store.users().add(user);
    }
}
