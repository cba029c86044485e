package dev.accounts.application.service;

import dev.accounts.application.port.out.LoginThrottle;
import dev.accounts.application.port.out.ThrottleKey;
import dev.accounts.domain.throttle.BackoffPolicy;
import dev.accounts.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Counts failed password checks against the account and the client address, and tells how long either must wait.
 * Only an existing account is ever a key: counting a login name without an account would let anyone block its later
 * registration. Every call writes on its own, outside any transaction of the use case, so that a failure stays
 * counted when the use case's work is rolled back.
 */
final class LoginFailures {

    private final LoginThrottle throttle;
    private final LoginThrottlePolicy policy;

    LoginFailures(LoginThrottle throttle, LoginThrottlePolicy policy) {
        this.throttle = throttle;
        this.policy = policy;
    }

    /**
     * How long the caller must still wait, rounded up to whole seconds; empty when neither the account nor the
     * client address is blocked at {@code now}. Either may be null (unknown).
     */
    Optional<Duration> waitBefore(UserId account, String clientAddress, Instant now) {
        List<ThrottleKey> keys = new ArrayList<>(2);
        if (account != null) {
            keys.add(ThrottleKey.account(account));
        }
        if (clientAddress != null) {
            keys.add(ThrottleKey.client(clientAddress));
        }
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        return throttle.blockedUntil(keys, now)
                .filter(until -> until.isAfter(now))
                .map(until -> RetryAfter.of(Duration.between(now, until)));
    }

    /**
     * One more consecutive failure for the account and the client address (either may be null), blocking as due. Both
     * are counted in one write, so that a failure against an existing account costs what an unknown login's does.
     */
    void recordFailure(UserId account, String clientAddress, Instant now) {
        List<ThrottleKey> keys = new ArrayList<>(2);
        List<BackoffPolicy> backoffs = new ArrayList<>(2);
        if (account != null) {
            keys.add(ThrottleKey.account(account));
            backoffs.add(policy.perAccount());
        }
        if (clientAddress != null) {
            keys.add(ThrottleKey.client(clientAddress));
            backoffs.add(policy.perClient());
        }
        if (keys.isEmpty()) {
            return;
        }
        List<Integer> failures = throttle.recordFailures(keys, now);
        for (int i = 0; i < keys.size(); i++) {
            Duration wait = backoffs.get(i).waitAfter(failures.get(i));
            if (!wait.isZero()) {
                throttle.block(keys.get(i), now.plus(wait));
            }
        }
    }

    /** The account proved its password: its failures are forgotten. */
    void forgiveAccount(UserId account) {
        throttle.reset(ThrottleKey.account(account));
    }
}
