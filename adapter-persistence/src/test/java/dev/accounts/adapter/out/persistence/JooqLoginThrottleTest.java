package dev.accounts.adapter.out.persistence;

import static dev.accounts.adapter.out.persistence.jooq.Tables.LOGIN_THROTTLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.port.out.LoginThrottle;
import dev.accounts.application.port.out.ThrottleKey;
import dev.accounts.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedDatabase.class)
class JooqLoginThrottleTest {

    private static final Instant T0 = Instant.parse("2025-06-01T08:00:00.123456Z");
    private static final int CONCURRENT_FAILURES = 16;

    private final DSLContext dsl;
    private final JooqLoginThrottle throttle;

    JooqLoginThrottleTest(TestDatabase database) {
        this.dsl = database.dsl();
        this.throttle = new JooqLoginThrottle(dsl);
    }

    @Test
    void aFailureLongAfterThePreviousStartsTheCountAgain() {
        ThrottleKey key = ThrottleKey.client("198.51.100.77");
        throttle.recordFailure(key, T0);
        throttle.recordFailure(key, T0.plusSeconds(10));
        assertThat(throttle.recordFailure(key, T0.plus(LoginThrottle.FAILURE_MEMORY))).isEqualTo(3);

        assertThat(throttle.recordFailure(key, T0.plus(LoginThrottle.FAILURE_MEMORY).plus(LoginThrottle.FAILURE_MEMORY)
                .plusSeconds(1))).isEqualTo(1);
    }

    @Test
    void countsConsecutiveFailuresPerKey() {
        ThrottleKey account = anAccount();
        ThrottleKey client = ThrottleKey.client("203.0.113.7");

        assertThat(throttle.recordFailure(account, T0)).isEqualTo(1);
        assertThat(throttle.recordFailure(account, T0.plusSeconds(1))).isEqualTo(2);
        assertThat(throttle.recordFailure(client, T0.plusSeconds(2))).isEqualTo(1);
        assertThat(throttle.recordFailure(account, T0.plusSeconds(3))).isEqualTo(3);
    }

    @Test
    void countsEveryOneOfManySimultaneousFailures() throws Exception {
        ThrottleKey account = anAccount();
        CountDownLatch ready = new CountDownLatch(CONCURRENT_FAILURES);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> counts = new ArrayList<>();

        try (ExecutorService threads = Executors.newFixedThreadPool(CONCURRENT_FAILURES)) {
            for (int i = 0; i < CONCURRENT_FAILURES; i++) {
                counts.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return throttle.recordFailure(account, T0);
                }));
            }
            ready.await();
            go.countDown();
            List<Integer> seen = new ArrayList<>();
            for (Future<Integer> count : counts) {
                seen.add(count.get());
            }

            assertThat(seen).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, CONCURRENT_FAILURES).boxed().toList());
        }
        assertThat(dsl.fetchValue(LOGIN_THROTTLE.FAILURES)).isEqualTo(CONCURRENT_FAILURES);
    }

    @Test
    void isNotBlockedWithoutABlock() {
        ThrottleKey account = anAccount();
        throttle.recordFailure(account, T0);

        assertThat(throttle.blockedUntil(List.of(account, ThrottleKey.client("203.0.113.7")), T0)).isEmpty();
        assertThat(throttle.blockedUntil(List.of(), T0)).isEmpty();
    }

    @Test
    void givesTheLatestFutureBlockAmongTheKeysAskedAbout() {
        ThrottleKey account = anAccount();
        ThrottleKey client = ThrottleKey.client("203.0.113.7");
        ThrottleKey notAsked = anAccount();
        throttle.block(account, T0.plusSeconds(4));
        throttle.block(client, T0.plusSeconds(60));
        throttle.block(notAsked, T0.plusSeconds(900));

        assertThat(throttle.blockedUntil(List.of(account, client), T0)).contains(T0.plusSeconds(60));
        assertThat(throttle.blockedUntil(List.of(account), T0)).contains(T0.plusSeconds(4));
    }

    @Test
    void ignoresBlocksThatHaveEnded() {
        ThrottleKey account = anAccount();
        ThrottleKey client = ThrottleKey.client("203.0.113.7");
        throttle.block(account, T0.plusSeconds(4));
        throttle.block(client, T0.minusSeconds(1));

        assertThat(throttle.blockedUntil(List.of(account, client), T0)).contains(T0.plusSeconds(4));
        assertThat(throttle.blockedUntil(List.of(account, client), T0.plusSeconds(4))).isEmpty();
    }

    @Test
    void keepsTheLongerBlockWhenAShorterOneArrivesLate() {
        ThrottleKey account = anAccount();
        throttle.recordFailure(account, T0);
        throttle.block(account, T0.plusSeconds(2));
        throttle.block(account, T0.plusSeconds(1));

        assertThat(throttle.blockedUntil(List.of(account), T0)).contains(T0.plusSeconds(2));
        assertThat(throttle.recordFailure(account, T0)).as("a block keeps the count").isEqualTo(2);
    }

    @Test
    void forgetsTheFailuresAndTheBlockOfAKeyOnReset() {
        ThrottleKey account = anAccount();
        ThrottleKey other = anAccount();
        throttle.recordFailure(account, T0);
        throttle.recordFailure(account, T0);
        throttle.block(account, T0.plusSeconds(60));
        throttle.recordFailure(other, T0);

        throttle.reset(account);

        assertThat(throttle.blockedUntil(List.of(account), T0)).isEmpty();
        assertThat(throttle.recordFailure(account, T0)).isEqualTo(1);
        assertThat(throttle.recordFailure(other, T0)).isEqualTo(2);
    }

    @Test
    void throttlesKeysTooLongForTheColumnOrHoldingANul() {
        ThrottleKey longKey = ThrottleKey.client("x".repeat(1_000));
        ThrottleKey nulKey = ThrottleKey.client("203.0.113.7\u0000");

        assertThat(throttle.recordFailure(longKey, T0)).isEqualTo(1);
        assertThat(throttle.recordFailure(longKey, T0)).isEqualTo(2);
        assertThat(throttle.recordFailure(nulKey, T0)).isEqualTo(1);
        throttle.block(longKey, T0.plusSeconds(30));

        assertThat(throttle.blockedUntil(List.of(longKey), T0)).contains(T0.plusSeconds(30));
        assertThat(throttle.blockedUntil(List.of(ThrottleKey.client("x".repeat(999))), T0)).isEmpty();
    }

    @Test
    void deletesOnlyKeysThatWentQuietAndAreNoLongerBlocked() {
        ThrottleKey quiet = anAccount();
        ThrottleKey recent = anAccount();
        ThrottleKey stillBlocked = anAccount();
        Instant dayLater = T0.plus(Duration.ofDays(1));
        throttle.recordFailure(quiet, T0);
        throttle.recordFailure(recent, dayLater);
        throttle.recordFailure(stillBlocked, T0);
        throttle.block(stillBlocked, dayLater.plusSeconds(60));

        assertThat(throttle.deleteStale(dayLater)).isEqualTo(1);

        assertThat(throttle.recordFailure(quiet, dayLater)).as("starts again").isEqualTo(1);
        assertThat(throttle.recordFailure(recent, dayLater)).isEqualTo(2);
        assertThat(throttle.blockedUntil(List.of(stillBlocked), dayLater)).as("kept").contains(dayLater.plusSeconds(60));
    }

    private static ThrottleKey anAccount() {
        return ThrottleKey.account(new UserId(UUID.randomUUID()));
    }
}
