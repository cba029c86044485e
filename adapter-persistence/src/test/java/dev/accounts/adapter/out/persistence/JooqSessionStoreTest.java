package dev.accounts.adapter.out.persistence;

import static dev.accounts.adapter.out.persistence.jooq.Tables.SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.fixtures.Sessions;
import dev.accounts.application.fixtures.Users;
import dev.accounts.domain.user.User;
import java.time.Instant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the port's contract ({@link JooqSessionStoreContractTest}) cannot see: what the table holds. */
@ExtendWith(SharedDatabase.class)
class JooqSessionStoreTest {

    private static final Instant T0 = Instant.parse("2025-06-01T08:00:00.123456Z");

    private final DSLContext dsl;
    private final JooqUserRepository users;
    private final JooqSessionStore sessions;

    JooqSessionStoreTest(TestDatabase database) {
        this.dsl = database.dsl();
        this.users = new JooqUserRepository(dsl);
        this.sessions = new JooqSessionStore(dsl);
    }

    @Test
    void keepsOnlyTheDigestNeverTheToken() {
        User user = Users.registered("bree", "bree@example.org");
        users.add(user);
        Sessions.Started started = Sessions.startedAt(user.id(), T0);

        sessions.add(started.session());

        assertThat(dsl.fetchValue(SESSIONS.TOKEN_DIGEST)).isEqualTo(started.token().digest().hex())
                .isNotEqualTo(started.token().reveal());
    }
}
