package dev.accounts.adapter.out.persistence;

import static dev.accounts.adapter.out.persistence.jooq.Tables.SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.fixtures.Sessions;
import dev.accounts.application.fixtures.Users;
import dev.accounts.domain.user.SecretToken;
import dev.accounts.domain.user.Session;
import dev.accounts.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
    void findsAStoredSessionByItsDigestWithItsTimes() {
        User user = stored("amos");
        Session session = Sessions.startedAt(user.id(), T0).session();

        sessions.add(session);

        assertThat(sessions.find(session.digest())).contains(session);
        assertThat(session.expiresAt()).isEqualTo(T0.plus(Sessions.DEFAULT_LIFETIME));
    }

    @Test
    void keepsOnlyTheDigestNeverTheToken() {
        User user = stored("bree");
        Sessions.Started started = Sessions.startedAt(user.id(), T0);

        sessions.add(started.session());

        assertThat(dsl.fetchValue(SESSIONS.TOKEN_DIGEST)).isEqualTo(started.token().digest().hex())
                .isNotEqualTo(started.token().reveal());
    }

    @Test
    void findsNothingForAnUnknownDigest() {
        sessions.add(Sessions.startedAt(stored("cole").id(), T0).session());

        assertThat(sessions.find(SecretToken.generate().digest())).isEmpty();
    }

    @Test
    void movesTheLastUseForwardOnATouch() {
        Session session = Sessions.startedAt(stored("dina").id(), T0).session();
        sessions.add(session);

        sessions.touch(session.digest(), T0.plus(Duration.ofMinutes(90)));

        Session touched = sessions.find(session.digest()).orElseThrow();
        assertThat(touched.lastUsedAt()).isEqualTo(T0.plus(Duration.ofMinutes(90)));
        assertThat(touched.createdAt()).isEqualTo(T0);
        assertThat(touched.expiresAt()).isEqualTo(session.expiresAt());
        assertThat(touched.isActiveAt(T0.plus(Duration.ofMinutes(200)), Duration.ofHours(2))).isTrue();
    }

    @Test
    void neverMovesTheLastUseBackwardsWhenALateTouchArrives() {
        Session session = Sessions.startedAt(stored("egon").id(), T0).session();
        sessions.add(session);

        sessions.touch(session.digest(), T0.plusSeconds(20));
        sessions.touch(session.digest(), T0.plusSeconds(10));

        assertThat(sessions.find(session.digest()).orElseThrow().lastUsedAt()).isEqualTo(T0.plusSeconds(20));
    }

    @Test
    void forgetsARevokedSessionAtOnceAndSaysWhetherThereWasOne() {
        User user = stored("fay");
        Session revoked = Sessions.startedAt(user.id(), T0).session();
        Session other = Sessions.startedAt(user.id(), T0).session();
        sessions.add(revoked);
        sessions.add(other);

        assertThat(sessions.revoke(revoked.digest())).isTrue();
        assertThat(sessions.revoke(revoked.digest())).isFalse();

        assertThat(sessions.find(revoked.digest())).isEmpty();
        assertThat(sessions.find(other.digest())).contains(other);
    }

    @Test
    void revokesEverySessionOfOneUserAndNoOtherUsers() {
        User user = stored("gil");
        User otherUser = stored("gwen");
        Session first = Sessions.startedAt(user.id(), T0).session();
        Session second = Sessions.startedAt(user.id(), T0.plusSeconds(5)).session();
        Session someoneElses = Sessions.startedAt(otherUser.id(), T0).session();
        sessions.add(first);
        sessions.add(second);
        sessions.add(someoneElses);

        assertThat(sessions.revokeAll(user.id())).isEqualTo(2);

        assertThat(sessions.find(first.digest())).isEmpty();
        assertThat(sessions.find(second.digest())).isEmpty();
        assertThat(sessions.find(someoneElses.digest())).contains(someoneElses);
        assertThat(sessions.revokeAll(user.id())).isZero();
    }

    @Test
    void revokesEveryOtherSessionOfTheUserButKeepsTheCurrentOne() {
        User user = stored("hugo");
        User otherUser = stored("hana");
        Session current = Sessions.startedAt(user.id(), T0).session();
        Session elsewhere = Sessions.startedAt(user.id(), T0).session();
        Session alsoElsewhere = Sessions.startedAt(user.id(), T0).session();
        Session someoneElses = Sessions.startedAt(otherUser.id(), T0).session();
        sessions.add(current);
        sessions.add(elsewhere);
        sessions.add(alsoElsewhere);
        sessions.add(someoneElses);

        assertThat(sessions.revokeAllExcept(user.id(), current.digest())).isEqualTo(2);

        assertThat(sessions.find(current.digest())).contains(current);
        assertThat(sessions.find(elsewhere.digest())).isEmpty();
        assertThat(sessions.find(alsoElsewhere.digest())).isEmpty();
        assertThat(sessions.find(someoneElses.digest())).contains(someoneElses);
    }

    private User stored(String username) {
        User user = Users.registered(username, username + "@example.org");
        users.add(user);
        return user;
    }
}
