package dev.accounts.domain.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffPolicyTest {

    @Test
    void accountsWaitFromTheFifthConsecutiveFailureDoublingFromOneSecondToFifteenMinutes() {
        BackoffPolicy policy = BackoffPolicy.ACCOUNT;
        assertThat(policy.waitAfter(4)).isZero();
        assertThat(policy.waitAfter(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.waitAfter(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.waitAfter(14)).isEqualTo(Duration.ofSeconds(512));
        assertThat(policy.waitAfter(15)).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.waitAfter(1_000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void clientAddressesGetALargerAllowance() {
        assertThat(BackoffPolicy.CLIENT.waitAfter(20)).isZero();
        assertThat(BackoffPolicy.CLIENT.waitAfter(21)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new BackoffPolicy(-1, Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackoffPolicy(3, Duration.ofMinutes(2), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
