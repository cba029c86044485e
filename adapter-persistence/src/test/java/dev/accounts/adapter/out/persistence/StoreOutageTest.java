package dev.accounts.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.accounts.application.fixtures.EmailTokens;
import dev.accounts.application.fixtures.Sessions;
import dev.accounts.application.fixtures.Users;
import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.application.port.out.StoreUnavailableException;
import dev.accounts.application.port.out.ThrottleKey;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.audit.AuditOutcome;
import dev.accounts.domain.user.Profile;
import dev.accounts.domain.user.SecretToken;
import dev.accounts.domain.user.TokenPurpose;
import dev.accounts.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** What callers see once the database has gone away under a pool that was working. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreOutageTest {

    /** The pool waits 3 s for a connection; a little more for the rest of the call. */
    private static final Duration FAILS_WITHIN = Duration.ofSeconds(5);
    private static final Duration HEALTH_TIMEOUT = Duration.ofMillis(500);

    private EmbeddedPostgres postgres;
    private HikariDataSource dataSource;
    private JooqUserRepository users;
    private JooqMailOutbox outbox;
    private JooqProfileRepository profiles;
    private JooqSessionStore sessions;
    private JooqEmailTokenStore tokens;
    private JooqLoginThrottle throttle;
    private JooqAuditTrail audit;
    private SpringTransactions transactions;
    private JdbcStoreHealth health;
    private User stored;

    @BeforeAll
    void startUseAndStopTheServer() {
        postgres = EmbeddedPostgres.startTemporary();
        dataSource = PostgresDataSources.create(postgres.jdbcUrl(), postgres.username(), postgres.password(), 2);
        DatabaseMigrations.migrate(dataSource);
        DSLContext dsl = JooqContexts.create(dataSource);
        users = new JooqUserRepository(dsl);
        outbox = new JooqMailOutbox(dsl);
        profiles = new JooqProfileRepository(dsl);
        sessions = new JooqSessionStore(dsl);
        tokens = new JooqEmailTokenStore(dsl);
        throttle = new JooqLoginThrottle(dsl);
        audit = new JooqAuditTrail(dsl);
        transactions = new SpringTransactions(new DataSourceTransactionManager(dataSource));
        health = new JdbcStoreHealth(dataSource, HEALTH_TIMEOUT);
        stored = Users.registered("walter", "walter@example.org");
        users.add(stored);
        assertThat(health.isAvailable()).isTrue();

        postgres.close();
    }

    @AfterAll
    void closePool() {
        dataSource.close();
    }

    @Test
    void reportsTheStoreUnavailableWithinItsTimeout() {
        long started = System.nanoTime();

        assertThat(health.isAvailable()).isFalse();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(HEALTH_TIMEOUT.plusMillis(500));
    }

    @Test
    void failsEveryKindOfCallWithStoreUnavailableWithinSeconds() throws Exception {
        Instant now = Instant.now();
        Map<String, Runnable> calls = new HashMap<>();
        calls.put("find a user", () -> users.findById(stored.id()));
        calls.put("find a user by name", () -> users.findByUsername(stored.username()));
        calls.put("add a user", () -> users.add(Users.registered("xavier", "xavier@example.org")));
        calls.put("update a user", () -> users.update(stored.withPasswordHash(Users.UNMATCHABLE_HASH, now)));
        calls.put("enqueue a mail", () -> outbox.enqueue(OutgoingMail.welcome(stored, SecretToken.generate())));
        calls.put("claim mail", () -> outbox.claimDue(now, Duration.ofMinutes(1), 10));
        calls.put("count recent mail", () -> outbox.countQueuedSince(stored.email(), Set.of(MailTemplate.WELCOME), now));
        calls.put("save a profile", () -> profiles.save(stored.id(), Profile.EMPTY));
        calls.put("find a profile", () -> profiles.find(stored.id()));
        calls.put("add a session", () -> sessions.add(Sessions.startedAt(stored.id(), now).session()));
        calls.put("revoke sessions", () -> sessions.revokeAll(stored.id()));
        calls.put("issue a token", () -> tokens.issue(EmailTokens.forUser(stored, TokenPurpose.PASSWORD_RESET, now).stored()));
        calls.put("consume a token", () -> tokens.consume(SecretToken.generate().digest(), TokenPurpose.PASSWORD_RESET, now));
        ThrottleKey account = ThrottleKey.account(stored.id());
        calls.put("check a throttle", () -> throttle.standing(List.of(account), now));
        calls.put("count a login failure", () -> throttle.recordFailure(account, now));
        calls.put("block a key", () -> throttle.block(account, now));
        calls.put("reset a key", () -> throttle.reset(account));
        calls.put("delete stale throttle rows", () -> throttle.deleteStale(now));
        calls.put("record an audit event", () -> audit.record(
                new AuditEvent(now, AuditAction.LOGIN, stored.id(), "203.0.113.7", AuditOutcome.FAILURE)));
        calls.put("run a transaction", () -> transactions.inTransaction(() -> users.findById(stored.id())));

        // All at once: each waits out the pool's connection timeout, and the test should not add them up.
        Map<String, Future<Throwable>> outcomes = new TreeMap<>();
        try (ExecutorService callers = Executors.newFixedThreadPool(calls.size())) {
            long started = System.nanoTime();
            calls.forEach((name, call) -> outcomes.put(name, callers.submit(() -> failureOf(call))));
            for (Map.Entry<String, Future<Throwable>> outcome : outcomes.entrySet()) {
                assertThat(outcome.getValue().get())
                        .as(outcome.getKey())
                        .isInstanceOf(StoreUnavailableException.class)
                        .hasMessage("the database cannot be reached");
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAILS_WITHIN);
        }
    }

    private static Throwable failureOf(Runnable call) {
        try {
            call.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
