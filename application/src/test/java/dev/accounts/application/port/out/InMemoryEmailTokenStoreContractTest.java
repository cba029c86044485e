package dev.accounts.application.port.out;

import dev.accounts.application.contracts.EmailTokenStoreContract;
import dev.accounts.application.fixtures.InMemoryEmailTokenStore;
import dev.accounts.domain.user.User;

class InMemoryEmailTokenStoreContractTest extends EmailTokenStoreContract {

    private final InMemoryEmailTokenStore tokens = new InMemoryEmailTokenStore();

    @Override
    protected EmailTokenStore tokens() {
        return tokens;
    }

    /** The fake refers to no user table. */
    @Override
    protected void addUser(User user) {
    }
}
