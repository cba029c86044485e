package dev.accounts.adapter.out.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.fixtures.MutableClock;
import dev.accounts.application.port.out.ThrottleKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The housekeeping the composition root schedules: quiet keys are forgotten, live blocks and recent runs kept. */
class InMemoryLoginThrottleTest {

    private static final Duration KEEP = Duration.ofDays(1);

    private final MutableClock clock = MutableClock.startingAt("2026-06-01T08:00:00Z");
    private final InMemoryLoginThrottle throttle = new InMemoryStore(clock).throttle();

    @Test
    void forgetsAKeyThatWentQuietAndBlocksNothing() {
        ThrottleKey quiet = ThrottleKey.client("198.51.100.1");
        throttle.recordFailure(quiet, clock.instant());
        throttle.block(quiet, clock.instant().plusSeconds(1));
        clock.advance(KEEP.plusSeconds(1));

        int deleted = throttle.deleteStale(clock.instant().minus(KEEP));

        assertThat(deleted).isOne();
        assertThat(throttle.keys()).isEmpty();
        assertThat(throttle.recordFailure(quiet, clock.instant())).as("a new run").isOne();
    }

    @Test
    void keepsARecentKeyAndOneStillBlocked() {
        ThrottleKey blocked = ThrottleKey.client("198.51.100.2");
        throttle.recordFailure(blocked, clock.instant());
        throttle.block(blocked, clock.instant().plus(Duration.ofDays(3)));
        clock.advance(KEEP.plusSeconds(1));
        ThrottleKey recent = ThrottleKey.client("198.51.100.3");
        throttle.recordFailure(recent, clock.instant());

        int deleted = throttle.deleteStale(clock.instant().minus(KEEP));

        assertThat(deleted).isZero();
        assertThat(throttle.keys()).containsExactly(blocked, recent);
        Instant now = clock.instant();
        assertThat(throttle.standing(List.of(blocked), now).blockedUntil()).isPresent();
    }
}
