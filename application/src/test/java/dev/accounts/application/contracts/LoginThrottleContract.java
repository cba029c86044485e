package dev.accounts.application.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.contracts.Concurrently.Outcome;
import dev.accounts.application.port.out.LoginThrottle;
import dev.accounts.application.port.out.ThrottleKey;
import dev.accounts.application.port.out.ThrottleStanding;
import dev.accounts.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LoginThrottle} promises: failures are counted per key, atomically (of many concurrent failures
 * each is counted once and each caller sees its own count), and a failure more than
 * {@link LoginThrottle#FAILURE_MEMORY} after the previous one starts the count again; {@code standing} tells in one
 * read the latest block among the keys asked about that ends after {@code now} and which keys have anything a reset
 * would forget; a block never shortens one already there (of two racing failures the one with the shorter wait may
 * finish last) and leaves the count alone; a reset forgets the key's count and block, and only that key's.
 *
 * <p>A subclass gives the throttle under test. Keys are new in every test, so a throttle shared by tests does no harm.
 * Times in this contract have microsecond precision, the finest PostgreSQL keeps.
 */
public abstract class LoginThrottleContract {

    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00.123456Z");
    private static final int CONCURRENT_FAILURES = 16;

    /** The throttle under test. */
    protected abstract LoginThrottle throttle();

    @Test
    void countsConsecutiveFailuresPerKey() {
        ThrottleKey account = anAccount();
        ThrottleKey client = aClient();

        assertThat(throttle().recordFailure(account, T0)).isEqualTo(1);
        assertThat(throttle().recordFailure(account, T0.plusSeconds(1))).isEqualTo(2);
        assertThat(throttle().recordFailure(client, T0.plusSeconds(2))).isEqualTo(1);
        assertThat(throttle().recordFailure(account, T0.plusSeconds(3))).isEqualTo(3);
    }

    @Test
    void countsSeveralKeysAtOnceAndAnswersInTheirOrder() {
        ThrottleKey account = anAccount();
        ThrottleKey client = aClient();
        throttle().recordFailure(client, T0);

        assertThat(throttle().recordFailures(List.of(account, client), T0.plusSeconds(1))).containsExactly(1, 2);
        assertThat(throttle().recordFailures(List.of(client, account), T0.plusSeconds(2))).containsExactly(3, 2);
        assertThat(throttle().recordFailures(List.of(), T0.plusSeconds(3))).isEmpty();
    }

    @Test
    void countsEveryOneOfManyConcurrentFailuresOnceWhenEachCountsTwoKeys() throws InterruptedException {
        ThrottleKey account = anAccount();
        ThrottleKey client = aClient();

        // Half the callers name the keys the other way round: they must neither deadlock nor lose a count.
        List<Outcome<List<Integer>>> outcomes = Concurrently.run(CONCURRENT_FAILURES, i -> () -> throttle()
                .recordFailures(i % 2 == 0 ? List.of(account, client) : List.of(client, account), T0));

        assertThat(outcomes).extracting(Outcome::value).doesNotContainNull();
        assertThat(throttle().recordFailures(List.of(account, client), T0))
                .containsExactly(CONCURRENT_FAILURES + 1, CONCURRENT_FAILURES + 1);
    }

    @Test
    void countsEveryOneOfManyConcurrentFailuresOnce() throws InterruptedException {
        ThrottleKey account = anAccount();

        List<Outcome<Integer>> outcomes = Concurrently.run(CONCURRENT_FAILURES,
                i -> () -> throttle().recordFailure(account, T0));

        assertThat(outcomes).extracting(Outcome::value)
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, CONCURRENT_FAILURES).boxed().toList());
        assertThat(throttle().recordFailure(account, T0)).isEqualTo(CONCURRENT_FAILURES + 1);
    }

    @Test
    void keepsCountingAFailureAtMostTheFailureMemoryAfterThePreviousOne() {
        ThrottleKey client = aClient();
        throttle().recordFailure(client, T0);
        throttle().recordFailure(client, T0.plusSeconds(10));

        assertThat(throttle().recordFailure(client, T0.plusSeconds(10).plus(LoginThrottle.FAILURE_MEMORY))).isEqualTo(3);
    }

    @Test
    void startsTheCountAgainWithAFailureLongerThanTheFailureMemoryAfterThePreviousOne() {
        ThrottleKey client = aClient();
        throttle().recordFailure(client, T0);
        throttle().recordFailure(client, T0.plusSeconds(10));

        Instant muchLater = T0.plusSeconds(10).plus(LoginThrottle.FAILURE_MEMORY).plusSeconds(1);
        assertThat(throttle().recordFailure(client, muchLater)).isEqualTo(1);
        assertThat(throttle().recordFailure(client, muchLater.plusSeconds(1))).isEqualTo(2);
    }

    @Test
    void isNotBlockedWithoutABlock() {
        ThrottleKey account = anAccount();
        throttle().recordFailure(account, T0);

        assertThat(throttle().standing(List.of(account, aClient()), T0).blockedUntil()).isEmpty();
        assertThat(throttle().standing(List.of(), T0).blockedUntil()).isEmpty();
    }

    @Test
    void givesTheLatestBlockAmongTheKeysAskedAbout() {
        ThrottleKey account = anAccount();
        ThrottleKey client = aClient();
        ThrottleKey notAsked = anAccount();
        throttle().block(account, T0.plusSeconds(4));
        throttle().block(client, T0.plusSeconds(60));
        throttle().block(notAsked, T0.plusSeconds(900));

        assertThat(throttle().standing(List.of(account, client), T0).blockedUntil()).contains(T0.plusSeconds(60));
        assertThat(throttle().standing(List.of(client, account), T0).blockedUntil()).contains(T0.plusSeconds(60));
        assertThat(throttle().standing(List.of(account), T0).blockedUntil()).contains(T0.plusSeconds(4));
    }

    @Test
    void ignoresBlocksThatHaveEndedByNow() {
        ThrottleKey account = anAccount();
        ThrottleKey client = aClient();
        throttle().block(account, T0.plusSeconds(4));
        throttle().block(client, T0.minusSeconds(1));

        assertThat(throttle().standing(List.of(account, client), T0).blockedUntil()).contains(T0.plusSeconds(4));
        assertThat(throttle().standing(List.of(account, client), T0.plusSeconds(4)).blockedUntil()).isEmpty();
    }

    @Test
    void keepsTheLongerBlockWhenAShorterOneArrivesLate() {
        ThrottleKey account = anAccount();
        throttle().block(account, T0.plusSeconds(2));

        throttle().block(account, T0.plusSeconds(1));

        assertThat(throttle().standing(List.of(account), T0).blockedUntil()).contains(T0.plusSeconds(2));
    }

    @Test
    void lengthensABlock() {
        ThrottleKey account = anAccount();
        throttle().block(account, T0.plusSeconds(1));

        throttle().block(account, T0.plusSeconds(8));

        assertThat(throttle().standing(List.of(account), T0).blockedUntil()).contains(T0.plusSeconds(8));
    }

    @Test
    void leavesTheCountAloneWhenBlocking() {
        ThrottleKey account = anAccount();
        throttle().recordFailure(account, T0);
        throttle().recordFailure(account, T0);

        throttle().block(account, T0.plusSeconds(2));

        assertThat(throttle().recordFailure(account, T0.plusSeconds(1))).isEqualTo(3);
    }

    @Test
    void forgetsTheFailuresAndTheBlockOfTheKeyResetOnly() {
        ThrottleKey account = anAccount();
        ThrottleKey other = anAccount();
        throttle().recordFailure(account, T0);
        throttle().recordFailure(account, T0);
        throttle().block(account, T0.plusSeconds(60));
        throttle().recordFailure(other, T0);
        throttle().block(other, T0.plusSeconds(60));

        throttle().reset(account);

        assertThat(throttle().standing(List.of(account), T0).blockedUntil()).isEmpty();
        assertThat(throttle().recordFailure(account, T0)).isEqualTo(1);
        assertThat(throttle().standing(List.of(other), T0).blockedUntil()).contains(T0.plusSeconds(60));
        assertThat(throttle().recordFailure(other, T0)).isEqualTo(2);
    }

    @Test
    void remembersTheKeysWithFailuresOrABlockUntilTheyAreReset() {
        ThrottleKey failed = anAccount();
        ThrottleKey blocked = anAccount();
        ThrottleKey client = aClient();
        ThrottleKey unknown = anAccount();
        throttle().recordFailure(failed, T0);
        throttle().block(blocked, T0.plusSeconds(30));
        throttle().recordFailure(client, T0);

        ThrottleStanding standing = throttle().standing(List.of(failed, blocked, unknown), T0);

        assertThat(standing.remembered()).containsExactlyInAnyOrder(failed, blocked);
        assertThat(standing.blockedUntil()).contains(T0.plusSeconds(30));
        assertThat(throttle().standing(List.of(blocked), T0.plusSeconds(30)))
                .as("a block that has ended is still remembered, and no longer blocks")
                .isEqualTo(new ThrottleStanding(Optional.empty(), Set.of(blocked)));
        throttle().reset(failed);
        assertThat(throttle().standing(List.of(failed, unknown), T0)).isEqualTo(ThrottleStanding.CLEAR);
        assertThat(throttle().standing(List.of(), T0)).isEqualTo(ThrottleStanding.CLEAR);
    }

    @Test
    void resetsAKeyItNeverSaw() {
        ThrottleKey unknown = anAccount();

        throttle().reset(unknown);

        assertThat(throttle().recordFailure(unknown, T0)).isEqualTo(1);
    }

    private static ThrottleKey anAccount() {
        return ThrottleKey.account(new UserId(UUID.randomUUID()));
    }

    /** A client address of the documentation prefix 2001:db8::/32 that no other test uses. */
    private static ThrottleKey aClient() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return ThrottleKey.client("2001:db8:%x:%x:%x:%x::1".formatted(random.nextInt(0x10000), random.nextInt(0x10000),
                random.nextInt(0x10000), random.nextInt(0x10000)));
    }
}
