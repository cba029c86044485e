package dev.accounts.application.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.fixtures.Sessions;
import dev.accounts.application.fixtures.Users;
import dev.accounts.application.port.out.SessionStore;
import dev.accounts.application.port.out.SignedInSession;
import dev.accounts.domain.user.Profile;
import dev.accounts.domain.user.SecretToken;
import dev.accounts.domain.user.Session;
import dev.accounts.domain.user.TokenDigest;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SessionStore} promises: a session is found by its digest with its times as stored, in one read
 * with its user and their profile (the empty one when none was saved); a touch moves its last use forward, never back
 * (a late request must not shorten the idle timeout) and creates nothing; a revoked session is gone at once; revoking
 * all of a user's sessions, or all but the current one, ends exactly those and says how many.
 *
 * <p>A subclass gives the store under test and makes the users the sessions belong to, and their profiles, known where
 * the store needs them. Times in this contract have microsecond precision, the finest PostgreSQL keeps.
 */
public abstract class SessionStoreContract {

    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00.123456Z");

    private final AtomicInteger users = new AtomicInteger();

    /** The store under test. */
    protected abstract SessionStore sessions();

    /** Makes the user known wherever the store needs it, e.g. the users table its rows refer to. */
    protected abstract void addUser(User user);

    /** Saves the user's profile where the store reads it with a session. */
    protected abstract void saveProfile(UserId user, Profile profile);

    @Test
    void findsAnAddedSessionByItsDigestWithItsTimes() {
        Session session = new Session(SecretToken.generate().digest(), aUser(), T0, T0.plus(Duration.ofHours(24)),
                T0.plusSeconds(5));

        sessions().add(session);

        assertThat(find(session.digest())).contains(session);
    }

    @Test
    void findsNothingForAnUnknownDigest() {
        sessions().add(started(aUser()));

        assertThat(find(SecretToken.generate().digest())).isEmpty();
    }

    @Test
    void findsASessionWithItsUserAndTheirProfileInOneRead() {
        User owner = aStoredUser();
        User other = aStoredUser();
        Session session = started(owner.id());
        sessions().add(session);
        sessions().add(started(other.id()));
        saveProfile(owner.id(), new Profile("Alice Liddell", "Curiouser and curiouser"));
        saveProfile(other.id(), new Profile("Bob", null));

        SignedInSession found = sessions().findSignedIn(session.digest()).orElseThrow();

        assertThat(found.user().id()).isEqualTo(owner.id());
        assertThat(found.profile()).isEqualTo(new Profile("Alice Liddell", "Curiouser and curiouser"));
    }

    @Test
    void findsTheEmptyProfileWithASessionWhoseUserSavedNone() {
        Session session = started(aUser());
        sessions().add(session);

        assertThat(sessions().findSignedIn(session.digest()).orElseThrow().profile()).isEqualTo(Profile.EMPTY);
    }

    @Test
    void findsASessionWithItsUserInOneRead() {
        User owner = aStoredUser();
        Session session = started(owner.id());
        sessions().add(session);
        sessions().add(started(aUser()));

        SignedInSession found = sessions().findSignedIn(session.digest()).orElseThrow();

        assertThat(found.session()).isEqualTo(session);
        assertThat(found.user().id()).isEqualTo(owner.id());
        assertThat(found.user().username()).isEqualTo(owner.username());
        assertThat(found.user().email()).isEqualTo(owner.email());
        assertThat(found.user().active()).isTrue();
        assertThat(found.user().createdAt()).isEqualTo(owner.createdAt());
    }

    @Test
    void findsNoSessionWithUserForAnUnknownOrRevokedDigest() {
        Session session = started(aUser());
        sessions().add(session);
        sessions().revoke(session.digest());

        assertThat(sessions().findSignedIn(session.digest())).isEmpty();
        assertThat(sessions().findSignedIn(SecretToken.generate().digest())).isEmpty();
    }

    @Test
    void movesTheLastUseForwardOnATouchAndKeepsTheOtherTimes() {
        Session session = started(aUser());
        sessions().add(session);

        sessions().touch(session.digest(), T0.plus(Duration.ofMinutes(90)));

        assertThat(find(session.digest())).contains(
                new Session(session.digest(), session.userId(), T0, session.expiresAt(), T0.plus(Duration.ofMinutes(90))));
    }

    @Test
    void neverMovesTheLastUseBackWhenALateTouchArrives() {
        Session session = started(aUser());
        sessions().add(session);

        sessions().touch(session.digest(), T0.plusSeconds(20));
        sessions().touch(session.digest(), T0.plusSeconds(10));

        assertThat(find(session.digest()).orElseThrow().lastUsedAt()).isEqualTo(T0.plusSeconds(20));
    }

    @Test
    void createsNothingWhenTouchingAnUnknownSession() {
        Session unknown = started(aUser());

        sessions().touch(unknown.digest(), T0.plusSeconds(20));

        assertThat(find(unknown.digest())).isEmpty();
    }

    @Test
    void forgetsARevokedSessionAtOnceAndSaysWhetherThereWasOne() {
        UserId user = aUser();
        Session revoked = started(user);
        Session other = started(user);
        sessions().add(revoked);
        sessions().add(other);

        assertThat(sessions().revoke(revoked.digest())).isTrue();
        assertThat(sessions().revoke(revoked.digest())).isFalse();

        assertThat(find(revoked.digest())).isEmpty();
        assertThat(find(other.digest())).contains(other);
    }

    @Test
    void revokesEverySessionOfOneUserAndNoOtherUsers() {
        UserId user = aUser();
        Session first = started(user);
        Session second = Sessions.startedAt(user, T0.plusSeconds(5)).session();
        Session someoneElses = started(aUser());
        sessions().add(first);
        sessions().add(second);
        sessions().add(someoneElses);

        assertThat(sessions().revokeAll(user)).isEqualTo(2);

        assertThat(find(first.digest())).isEmpty();
        assertThat(find(second.digest())).isEmpty();
        assertThat(find(someoneElses.digest())).contains(someoneElses);
        assertThat(sessions().revokeAll(user)).isZero();
    }

    @Test
    void revokesEveryOtherSessionOfTheUserButKeepsTheCurrentOne() {
        UserId user = aUser();
        Session current = started(user);
        Session elsewhere = started(user);
        Session alsoElsewhere = started(user);
        Session someoneElses = started(aUser());
        sessions().add(current);
        sessions().add(elsewhere);
        sessions().add(alsoElsewhere);
        sessions().add(someoneElses);

        assertThat(sessions().revokeAllExcept(user, current.digest())).isEqualTo(2);

        assertThat(find(current.digest())).contains(current);
        assertThat(find(elsewhere.digest())).isEmpty();
        assertThat(find(alsoElsewhere.digest())).isEmpty();
        assertThat(find(someoneElses.digest())).contains(someoneElses);
        assertThat(sessions().revokeAllExcept(user, current.digest())).isZero();
    }

    @Test
    void keepsNoSessionOfTheUserWhenTheOneToKeepIsAnotherUsers() {
        UserId user = aUser();
        Session own = started(user);
        Session someoneElses = started(aUser());
        sessions().add(own);
        sessions().add(someoneElses);

        assertThat(sessions().revokeAllExcept(user, someoneElses.digest())).isOne();

        assertThat(find(own.digest())).isEmpty();
        assertThat(find(someoneElses.digest())).contains(someoneElses);
    }

    private Session started(UserId user) {
        return Sessions.startedAt(user, T0).session();
    }

    /** The stored session alone, as a look-up with its user gives it. */
    private Optional<Session> find(TokenDigest digest) {
        return sessions().findSignedIn(digest).map(SignedInSession::session);
    }

    private UserId aUser() {
        return aStoredUser().id();
    }

    private User aStoredUser() {
        int n = users.incrementAndGet();
        User user = Users.registered("signedin" + n, "signedin" + n + "@example.org");
        addUser(user);
        return user;
    }
}
