package dev.accounts.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.port.out.ThrottleKey;
import dev.accounts.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the port's contract ({@link JooqLoginThrottleContractTest}) cannot see: the column's limits and housekeeping. */
@ExtendWith(SharedDatabase.class)
class JooqLoginThrottleTest {

    private static final Instant T0 = Instant.parse("2025-06-01T08:00:00.123456Z");

    private final JooqLoginThrottle throttle;

    JooqLoginThrottleTest(TestDatabase database) {
        this.throttle = new JooqLoginThrottle(database.dsl());
    }

    @Test
    void throttlesKeysTooLongForTheColumnOrHoldingANul() {
        ThrottleKey longKey = ThrottleKey.client("x".repeat(1_000));
        ThrottleKey nulKey = ThrottleKey.client("203.0.113.7\u0000");

        assertThat(throttle.recordFailure(longKey, T0)).isEqualTo(1);
        assertThat(throttle.recordFailure(longKey, T0)).isEqualTo(2);
        assertThat(throttle.recordFailure(nulKey, T0)).isEqualTo(1);
        throttle.block(longKey, T0.plusSeconds(30));

        assertThat(throttle.standing(List.of(longKey), T0).blockedUntil()).contains(T0.plusSeconds(30));
        assertThat(throttle.standing(List.of(ThrottleKey.client("x".repeat(999))), T0).blockedUntil()).isEmpty();
        assertThat(throttle.standing(List.of(longKey, nulKey, ThrottleKey.client("x".repeat(999))), T0).remembered())
                .as("stored under their digests, named as asked").containsExactlyInAnyOrder(longKey, nulKey);
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
        assertThat(throttle.standing(List.of(stillBlocked), dayLater).blockedUntil())
                .as("kept").contains(dayLater.plusSeconds(60));
    }

    private static ThrottleKey anAccount() {
        return ThrottleKey.account(new UserId(UUID.randomUUID()));
    }
}
