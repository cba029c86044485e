package dev.accounts.adapter.out.persistence;

import dev.accounts.application.contracts.EmailTokenStoreContract;
import dev.accounts.application.port.out.EmailTokenStore;
import dev.accounts.domain.user.User;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedDatabase.class)
class JooqEmailTokenStoreContractTest extends EmailTokenStoreContract {

    private final JooqUserRepository users;
    private final JooqEmailTokenStore tokens;

    JooqEmailTokenStoreContractTest(TestDatabase database) {
        this.users = new JooqUserRepository(database.dsl());
        this.tokens = new JooqEmailTokenStore(database.dsl());
    }

    @Override
    protected EmailTokenStore tokens() {
        return tokens;
    }

    /** A token row refers to its user's row. */
    @Override
    protected void addUser(User user) {
        users.add(user);
    }
}
