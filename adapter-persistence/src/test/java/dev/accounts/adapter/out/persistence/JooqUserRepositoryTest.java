package dev.accounts.adapter.out.persistence;

import static dev.accounts.adapter.out.persistence.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.application.fixtures.Users;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.PasswordHash;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the port's contract ({@link JooqUserRepositoryContractTest}) cannot see: the table's trigger and SQL failures. */
@ExtendWith(SharedDatabase.class)
class JooqUserRepositoryTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:15:30.123456Z");

    private final DSLContext dsl;
    private final SpringTransactions transactions;
    private final JooqUserRepository repository;

    JooqUserRepositoryTest(TestDatabase database) {
        this.dsl = database.dsl();
        this.transactions = database.transactions();
        this.repository = new JooqUserRepository(dsl);
    }

    @Test
    void aUserFoundForUpdateIsChangedByNobodyElseUntilTheTransactionEnds() throws Exception {
        User user = Users.registered("ivy", "ivy@example.org");
        repository.add(user);
        PasswordHash changed = new PasswordHash("$test-sha256$changed");
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService callers = Executors.newFixedThreadPool(2)) {
            Future<?> holder = callers.submit(() -> transactions.inTransaction(() -> {
                repository.findByIdForUpdate(user.id()).orElseThrow();
                locked.countDown();
                awaitQuietly(release);
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> writer = callers.submit(() -> transactions.inTransaction(
                    () -> repository.update(user.withPasswordHash(changed, Instant.now()))));

            assertThat(awaitSessionWaitingForALock()).as("the other update waits for the lock").isTrue();
            assertThat(writer).isNotDone();
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            writer.get(10, TimeUnit.SECONDS);
        }
        assertThat(repository.findById(user.id()).orElseThrow().passwordHash()).isEqualTo(changed);
    }

    private boolean awaitSessionWaitingForALock() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (dsl.fetchCount(dsl.selectFrom("pg_stat_activity").where("wait_event_type = 'Lock'")) > 0) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void stampsAnUpdateMadeByHandThatLeavesUpdatedAtAlone() {
        User user = Users.registered("hank", "hank@example.org", Users.UNMATCHABLE_HASH, T0);
        repository.add(user);

        dsl.update(USERS).set(USERS.IS_ACTIVE, false).where(USERS.ID.eq(user.id().value())).execute();

        assertThat(repository.findById(user.id()).orElseThrow().updatedAt()).isAfter(T0);
    }

    @Test
    void letsOtherFailuresThroughUnchangedAndWithoutTheStoredValues() {
        User user = Users.registered("erin", "erin@example.org");
        repository.add(user);
        User sameId = User.restore(user.id(), new Username("frank"), new EmailAddress("frank@example.org"), null,
                user.passwordHash(), false, true, false, user.createdAt(), user.updatedAt());

        assertThatThrownBy(() -> repository.add(sameId))
                .isInstanceOf(org.jooq.exception.DataAccessException.class)
                .hasMessageContaining("users_pkey")
                .hasMessageNotContaining(user.id().toString())
                .hasMessageNotContaining("frank");
    }
}
