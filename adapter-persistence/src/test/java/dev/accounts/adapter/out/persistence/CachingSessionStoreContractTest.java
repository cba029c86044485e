package dev.accounts.adapter.out.persistence;

import dev.accounts.application.contracts.SessionStoreContract;
import dev.accounts.application.port.out.SessionStore;
import dev.accounts.domain.user.Profile;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The cache keeps the port's promises, revocation at once included, while it serves from memory. */
@ExtendWith(SharedDatabase.class)
class CachingSessionStoreContractTest extends SessionStoreContract {

    private final JooqUserRepository users;
    private final JooqProfileRepository profiles;
    private final CachingSessionStore sessions;
    private final SessionChangeFeed feed;

    CachingSessionStoreContractTest(TestDatabase database) {
        this.sessions = new CachingSessionStore(new JooqSessionStore(database.dsl()));
        this.users = new JooqUserRepository(database.dsl(), sessions);
        this.profiles = new JooqProfileRepository(database.dsl(), sessions);
        this.feed = CachingSessionStoreTest.hearing(database, sessions);
    }

    @AfterEach
    void stopFeed() {
        feed.close();
    }

    @Override
    protected SessionStore sessions() {
        return sessions;
    }

    @Override
    protected void addUser(User user) {
        users.add(user);
    }

    @Override
    protected void saveProfile(UserId user, Profile profile) {
        profiles.save(user, profile);
    }
}
