package dev.accounts.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.fixtures.Sessions;
import dev.accounts.application.fixtures.Users;
import dev.accounts.application.port.out.SessionStore;
import dev.accounts.application.port.out.SignedInSession;
import dev.accounts.domain.user.Profile;
import dev.accounts.domain.user.Session;
import dev.accounts.domain.user.TokenDigest;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The cache against a real PostgreSQL and its real notifications: repeated reads cost one read of the database, and
 * whatever ends or changes a session (a revocation, a user or profile change, on this instance or another) is seen
 * by the next read here: at once when committed here, within a notification's delivery when committed elsewhere.
 * Without the notifications nothing is served from memory.
 */
@ExtendWith(SharedDatabase.class)
class CachingSessionStoreTest {

    private static final String FEED = "accounts-test-session-changes";
    /** Far above a notification's delivery (milliseconds), for a loaded build machine. */
    private static final Duration NOTIFIED = Duration.ofSeconds(5);
    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

    private final TestDatabase database;
    private final DSLContext dsl;
    private final CountingReads reads;
    private final CachingSessionStore cache;
    /** This instance's repositories, which tell the cache what they change. */
    private final JooqUserRepository users;
    private final JooqProfileRepository profiles;
    /** Another instance's: PostgreSQL's notifications are all the cache hears of them. */
    private final JooqUserRepository otherUsers;
    private final JooqSessionStore otherSessions;
    private SessionChangeFeed feed;

    CachingSessionStoreTest(TestDatabase database) {
        this.database = database;
        this.dsl = database.dsl();
        this.reads = new CountingReads(new JooqSessionStore(dsl));
        this.cache = new CachingSessionStore(reads);
        this.users = new JooqUserRepository(dsl, cache);
        this.profiles = new JooqProfileRepository(dsl, cache);
        this.otherUsers = new JooqUserRepository(dsl);
        this.otherSessions = new JooqSessionStore(dsl);
    }

    /** After the table clearing, whose notification would otherwise reach the cache at any moment of the test. */
    @BeforeEach
    void startFeed() {
        feed = hearing(database, cache);
    }

    @AfterEach
    void stopFeed() {
        feed.close();
    }

    /** A started feed for the cache, once the cache hears it. */
    static SessionChangeFeed hearing(TestDatabase database, CachingSessionStore cache) {
        SessionChangeFeed feed = new SessionChangeFeed(database.unpooled(FEED), cache);
        feed.start();
        await(cache::isHearing, "the cache hears the feed");
        return feed;
    }

    @Test
    void readsPostgresqlOnceForRequestAfterRequest() {
        Session session = aSessionOf(aUser());

        for (int request = 0; request < 5; request++) {
            assertThat(cache.findSignedIn(session.digest())).isPresent();
        }

        assertThat(reads.count()).isEqualTo(1);
    }

    @Test
    void aSessionRevokedHereIsGoneForTheNextRead() {
        Session session = aSessionOf(aUser());
        cache.findSignedIn(session.digest());

        database.transactions().inTransaction(() -> cache.revoke(session.digest()));

        assertThat(cache.findSignedIn(session.digest())).isEmpty();
    }

    @Test
    void aSessionRevokedOnAnotherInstanceIsGoneOnceNotified() {
        Session session = aSessionOf(aUser());
        cache.findSignedIn(session.digest());

        otherSessions.revoke(session.digest());

        await(() -> cache.findSignedIn(session.digest()).isEmpty(), "the revoked session is gone");
    }

    @Test
    void aProfileSavedHereIsShownByTheNextRead() {
        User user = aUser();
        Session session = aSessionOf(user);
        cache.findSignedIn(session.digest());

        database.transactions().inTransaction(() -> {
            profiles.save(user.id(), new Profile("Alice Liddell", null));
            return null;
        });

        assertThat(cache.findSignedIn(session.digest()).orElseThrow().profile().fullName()).isEqualTo("Alice Liddell");
    }

    @Test
    void aUserDeactivatedHereIsShownByTheNextRead() {
        User user = aUser();
        Session session = aSessionOf(user);
        cache.findSignedIn(session.digest());

        database.transactions().inTransaction(() -> {
            users.update(Users.deactivated(user));
            return null;
        });

        assertThat(cache.findSignedIn(session.digest()).orElseThrow().user().active()).isFalse();
    }

    @Test
    void aChangeRolledBackHereLeavesTheSessionAsItWas() {
        User user = aUser();
        Session session = aSessionOf(user);
        cache.findSignedIn(session.digest());

        try {
            database.transactions().inTransaction(() -> {
                users.update(Users.deactivated(user));
                throw new IllegalStateException("rolled back");
            });
        } catch (IllegalStateException expected) {
            // The point of the test.
        }

        assertThat(cache.findSignedIn(session.digest()).orElseThrow().user().active()).isTrue();
    }

    @Test
    void aUserDeactivatedOnAnotherInstanceIsShownOnceNotified() {
        User user = aUser();
        Session session = aSessionOf(user);
        cache.findSignedIn(session.digest());

        otherUsers.update(Users.deactivated(user));

        await(() -> !cache.findSignedIn(session.digest()).orElseThrow().user().active(), "the user shows deactivated");
    }

    @Test
    void truncatingTheSessionsForgetsEveryone() {
        Session session = aSessionOf(aUser());
        cache.findSignedIn(session.digest());

        dsl.execute("TRUNCATE sessions");

        await(() -> cache.findSignedIn(session.digest()).isEmpty(), "the session is gone");
    }

    @Test
    void aTouchMovesTheKeptLastUseSoTheNextRequestNeedNotTouchAgain() {
        Session session = aSessionOf(aUser());
        cache.findSignedIn(session.digest());
        Instant later = T0.plus(Duration.ofMinutes(5));

        cache.touch(session.digest(), later);

        assertThat(cache.findSignedIn(session.digest()).orElseThrow().session().lastUsedAt()).isEqualTo(later);
        assertThat(reads.count()).isEqualTo(1);
    }

    @Test
    void aReadThatAChangeOvertakesIsNotKept() {
        User user = aUser();
        Session session = aSessionOf(user);
        // The change arrives while the read is on its way back: what it read may predate the change.
        reads.duringNextRead(() -> cache.changed(user.id()));

        cache.findSignedIn(session.digest());
        cache.findSignedIn(session.digest());

        assertThat(reads.count()).isEqualTo(2);
    }

    @Test
    void aChangeToOneUserDropsEveryOneOfTheirSessionsAndNoOneElses() {
        User alice = aUser();
        User bob = aUser();
        Session aliceAtHome = aSessionOf(alice);
        Session aliceAtWork = aSessionOf(alice);
        Session bobs = aSessionOf(bob);
        for (Session session : new Session[] {aliceAtHome, aliceAtWork, bobs}) {
            cache.findSignedIn(session.digest());
        }

        cache.changed(alice.id());
        for (Session session : new Session[] {aliceAtHome, aliceAtWork, bobs}) {
            cache.findSignedIn(session.digest());
        }

        assertThat(reads.count()).as("three first reads, then Alice's two again").isEqualTo(5);
    }

    @Test
    void aSessionReadAgainAfterBeingDroppedIsDroppedByTheNextChangeToItsUser() {
        User user = aUser();
        Session session = aSessionOf(user);
        cache.findSignedIn(session.digest());
        cache.changed(user.id());
        cache.findSignedIn(session.digest());

        cache.changed(user.id());
        cache.findSignedIn(session.digest());

        assertThat(reads.count()).isEqualTo(3);
    }

    @Test
    void readsPostgresqlAgainOnceAnEntryIsOlderThanItsMaximumAge() throws InterruptedException {
        CachingSessionStore shortLived = new CachingSessionStore(reads, Duration.ofMillis(50), CachingSessionStore.CAPACITY);
        try (SessionChangeFeed shortLivedFeed = hearing(database, shortLived)) {
            Session session = aSessionOf(aUser());
            shortLived.findSignedIn(session.digest());
            shortLived.findSignedIn(session.digest());
            Thread.sleep(100);

            shortLived.findSignedIn(session.digest());

            assertThat(reads.count()).isEqualTo(2);
        }
    }

    @Test
    void keepsNoMoreThanItsCapacityAndMakesRoomFromStaleEntries() throws InterruptedException {
        CachingSessionStore small = new CachingSessionStore(reads, Duration.ofMillis(500), 2);
        try (SessionChangeFeed smallFeed = hearing(database, small)) {
            User user = aUser();
            Session first = aSessionOf(user);
            Session second = aSessionOf(user);
            Session third = aSessionOf(user);
            small.findSignedIn(first.digest());
            small.findSignedIn(second.digest());
            small.findSignedIn(third.digest());
            small.findSignedIn(third.digest());
            assertThat(reads.count()).as("the third is not kept while the first two are fresh").isEqualTo(4);

            // Past the entries' age and the pause between two sweeps of a full cache.
            Thread.sleep(1_100);
            small.findSignedIn(third.digest());
            small.findSignedIn(third.digest());

            assertThat(reads.count()).as("the stale two swept out, the third kept").isEqualTo(5);

            small.changed(user.id());
            small.findSignedIn(third.digest());
            assertThat(reads.count()).as("the sweep left the third findable by its user").isEqualTo(6);
        }
    }

    @Test
    void servesNothingFromMemoryWhileTheFeedIsDeafAndCachesAgainOnceItHears() {
        Session session = aSessionOf(aUser());
        cache.findSignedIn(session.digest());

        dsl.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?", FEED);
        await(() -> !cache.isHearing(), "the cache notices the feed is deaf");
        cache.findSignedIn(session.digest());
        cache.findSignedIn(session.digest());

        // The feed retries once a second: the two reads above went to PostgreSQL unless it was back already.
        assertThat(reads.count()).isBetween(2, 3);
        await(cache::isHearing, "the feed hears again");
        int before = reads.count();
        cache.findSignedIn(session.digest());
        cache.findSignedIn(session.digest());
        assertThat(reads.count()).isEqualTo(before + 1);
    }

    @Test
    void warnsOncePerOutage() {
        try (CapturedLog log = CapturedLog.of(SessionChangeFeed.class.getName())) {
            for (int outage = 0; outage < 2; outage++) {
                dsl.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?", FEED);
                await(() -> !cache.isHearing(), "the cache notices the feed is deaf");
                await(cache::isHearing, "the feed hears again");
            }

            assertThat(log.linesContaining("Session cache off")).hasSize(2);
        }
    }

    /** As behind a pooler that does not pass notifications on (PgBouncer in transaction mode): LISTEN is lost. */
    @Test
    void servesNothingFromMemoryWhereItsOwnProbesNeverComeBack() throws InterruptedException {
        CachingSessionStore behindPooler = new CachingSessionStore(reads);
        try (SessionChangeFeed lostFeed = new SessionChangeFeed(withListenLost(database.unpooled(FEED + "-lost")),
                behindPooler)) {
            lostFeed.start();
            Session session = aSessionOf(aUser());
            // Past the time a probe is given to come back.
            Thread.sleep(2_500);

            behindPooler.findSignedIn(session.digest());
            behindPooler.findSignedIn(session.digest());

            assertThat(behindPooler.isHearing()).isFalse();
            assertThat(reads.count()).isEqualTo(2);
        }
    }

    private User aUser() {
        User user = Users.registered("user" + System.nanoTime(), "user" + System.nanoTime() + "@example.org");
        users.add(user);
        return user;
    }

    private Session aSessionOf(User user) {
        Session session = Sessions.startedAt(user.id(), T0, Duration.ofDays(3650)).session();
        otherSessions.add(session);
        return session;
    }

    private static DataSource withListenLost(DataSource dataSource) {
        return proxy(DataSource.class, (self, method, arguments) -> {
            Object result = call(dataSource, method, arguments);
            return result instanceof Connection connection ? withListenLost(connection) : result;
        });
    }

    private static Connection withListenLost(Connection connection) {
        return proxy(Connection.class, (self, method, arguments) -> {
            Object result = call(connection, method, arguments);
            return result instanceof Statement statement && method.getName().equals("createStatement")
                    ? withListenLost(statement) : result;
        });
    }

    private static Statement withListenLost(Statement statement) {
        return proxy(Statement.class, (self, method, arguments) -> {
            boolean listen = method.getName().equals("execute") && arguments != null
                    && arguments[0] instanceof String sql && sql.startsWith("LISTEN");
            return call(statement, method, listen ? new Object[] {"SELECT 1"} : arguments);
        });
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object call(Object target, Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + NOTIFIED.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + NOTIFIED + ": " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what, e);
            }
        }
    }

    /** The real store, counting the reads that reach it, and able to run something while a read is under way. */
    private static final class CountingReads implements SessionStore {

        private final SessionStore store;
        private final AtomicInteger count = new AtomicInteger();
        private volatile Runnable duringNextRead = () -> { };

        CountingReads(SessionStore store) {
            this.store = store;
        }

        int count() {
            return count.get();
        }

        void duringNextRead(Runnable action) {
            duringNextRead = action;
        }

        @Override
        public Optional<SignedInSession> findSignedIn(TokenDigest digest) {
            count.incrementAndGet();
            Optional<SignedInSession> found = store.findSignedIn(digest);
            Runnable action = duringNextRead;
            duringNextRead = () -> { };
            action.run();
            return found;
        }

        @Override
        public void add(Session session) {
            store.add(session);
        }

        @Override
        public void touch(TokenDigest digest, Instant lastUsedAt) {
            store.touch(digest, lastUsedAt);
        }

        @Override
        public boolean revoke(TokenDigest digest) {
            return store.revoke(digest);
        }

        @Override
        public int revokeAll(UserId userId) {
            return store.revokeAll(userId);
        }

        @Override
        public int revokeAllExcept(UserId userId, TokenDigest keep) {
            return store.revokeAllExcept(userId, keep);
        }
    }
}
