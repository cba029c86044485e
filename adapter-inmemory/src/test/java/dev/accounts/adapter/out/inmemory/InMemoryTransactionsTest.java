package dev.accounts.adapter.out.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.application.fixtures.Users;
import dev.accounts.domain.user.DuplicateUserException;
import dev.accounts.domain.user.User;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What the in-memory units of work add to the Transactions contract: how they behave under concurrency and nesting. */
class InMemoryTransactionsTest {

    private static final int USERS_PER_UNIT = 50;
    private static final int UNITS = 20;

    private final InMemoryStore store = new InMemoryStore();
    private final InMemoryTransactions transactions = store.transactions();

    @Test
    void dropsEveryWriteWhenTheOuterWorkCatchesTheFailureOfANestedUnit() {
        User outer = Users.registered("outer", "outer@example.org");
        User nested = Users.registered("nested", "nested@example.org");

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            store.users().add(outer);
            try {
                transactions.inTransaction(() -> {
                    store.users().add(nested);
                    throw new IllegalArgumentException("the nested work failed");
                });
            } catch (IllegalArgumentException swallowed) {
                // The outer work goes on as if nothing happened; the unit must not commit half of itself.
            }
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("nested unit of work failed");

        assertThat(store.users().all()).isEmpty();
        transactions.inTransaction(() -> store.users().add(outer));
        assertThat(store.users().all()).containsExactly(outer);
    }

    @Test
    void showsAnotherThreadEitherAllOrNoneOfAUnitsWrites() throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int unit = 0; unit < UNITS; unit++) {
                int first = unit * USERS_PER_UNIT;
                transactions.inTransaction(() -> {
                    for (int i = first; i < first + USERS_PER_UNIT; i++) {
                        store.users().add(Users.registered("user" + i, "user" + i + "@example.org"));
                    }
                });
            }
            writing.set(false);
        });

        while (writing.get()) {
            assertThat(store.users().all().size() % USERS_PER_UNIT).as("users seen of a half-published unit").isZero();
            reads.incrementAndGet();
        }
        writer.get(30, TimeUnit.SECONDS);

        assertThat(store.users().all()).hasSize(UNITS * USERS_PER_UNIT);
        assertThat(reads.get()).isPositive();
    }

    @Test
    void makesAWriterFromAnotherThreadWaitUntilTheRunningUnitEnds() throws Exception {
        CountDownLatch unitStarted = new CountDownLatch(1);
        CountDownLatch mayEnd = new CountDownLatch(1);
        CompletableFuture<Void> unit = CompletableFuture.runAsync(() -> transactions.inTransaction(() -> {
            store.users().add(Users.registered("taken", "first@example.org"));
            unitStarted.countDown();
            await(mayEnd);
        }));
        assertThat(unitStarted.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> rival = CompletableFuture.runAsync(
                () -> store.users().add(Users.registered("TAKEN", "second@example.org")));
        Thread.sleep(200);
        assertThat(rival).as("waits for the running unit instead of deciding on what it cannot see").isNotDone();

        mayEnd.countDown();
        unit.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> rival.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(DuplicateUserException.class);
    }

    @Test
    void tellsWhetherTheCallingThreadRunsAUnit() {
        assertThat(transactions.inProgress()).isFalse();

        transactions.inTransaction(() -> {
            assertThat(transactions.inProgress()).isTrue();
            assertThat(CompletableFuture.supplyAsync(transactions::inProgress).orTimeout(10, TimeUnit.SECONDS).join())
                    .as("on another thread").isFalse();
        });

        assertThat(transactions.inProgress()).isFalse();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the test did not let the unit end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
