package dev.accounts.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private final RetryPolicy policy = RetryPolicy.DEFAULT;

    @Test
    void theCeilingDoublesFromTheBaseUpToTheCap() {
        assertThat(policy.ceilingMillis(1)).isEqualTo(1_000);
        assertThat(policy.ceilingMillis(2)).isEqualTo(2_000);
        assertThat(policy.ceilingMillis(5)).isEqualTo(16_000);
        assertThat(policy.ceilingMillis(10)).isEqualTo(512_000);
        assertThat(policy.ceilingMillis(11)).isEqualTo(600_000);
        assertThat(policy.ceilingMillis(1_000)).isEqualTo(600_000);
    }

    @Test
    void delaysAreSpreadBetweenZeroAndTheCeiling() {
        SplittableRandom random = new SplittableRandom(42);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 2_000; i++) {
            long delay = Duration.between(NOW, policy.nextAttempt(3, NOW, random).orElseThrow()).toMillis();
            min = Math.min(min, delay);
            max = Math.max(max, delay);
        }
        assertThat(min).isBetween(0L, 200L);
        assertThat(max).isBetween(3_800L, 4_000L);
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        assertThat(policy.nextAttempt(9, NOW, new SplittableRandom())).isPresent();
        assertThat(policy.nextAttempt(10, NOW, new SplittableRandom())).isEmpty();
    }

    @Test
    void refusesNonsensicalSettings() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(1), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
