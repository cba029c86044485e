package dev.accounts.adapter.out.persistence;

import dev.accounts.application.contracts.SessionStoreContract;
import dev.accounts.application.port.out.SessionStore;
import dev.accounts.domain.user.Profile;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedDatabase.class)
class JooqSessionStoreContractTest extends SessionStoreContract {

    private final JooqUserRepository users;
    private final JooqProfileRepository profiles;
    private final JooqSessionStore sessions;

    JooqSessionStoreContractTest(TestDatabase database) {
        this.users = new JooqUserRepository(database.dsl());
        this.profiles = new JooqProfileRepository(database.dsl());
        this.sessions = new JooqSessionStore(database.dsl());
    }

    @Override
    protected SessionStore sessions() {
        return sessions;
    }

    /** A session row refers to its user's row. */
    @Override
    protected void addUser(User user) {
        users.add(user);
    }

    @Override
    protected void saveProfile(UserId user, Profile profile) {
        profiles.save(user, profile);
    }
}
