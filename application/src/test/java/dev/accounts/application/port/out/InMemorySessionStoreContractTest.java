package dev.accounts.application.port.out;

import dev.accounts.application.contracts.SessionStoreContract;
import dev.accounts.application.fixtures.InMemorySessionStore;
import dev.accounts.domain.user.User;

class InMemorySessionStoreContractTest extends SessionStoreContract {

    private final InMemorySessionStore sessions = new InMemorySessionStore();

    @Override
    protected SessionStore sessions() {
        return sessions;
    }

    /** The fake refers to no user table. */
    @Override
    protected void addUser(User user) {
    }
}
