package dev.accounts.application.service;

import dev.accounts.application.port.out.LoginThrottle;
import dev.accounts.application.port.out.ThrottleKey;
import dev.accounts.application.port.out.ThrottleStanding;
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
     * Where the account and the client address stand at {@code now}, from one read: how long the caller must still
     * wait, rounded up to whole seconds (empty when neither is blocked), and whether the account has failures that a
     * success would forgive. Either may be null (unknown).
     */
    Standing standing(UserId account, String clientAddress, Instant now) {
        List<ThrottleKey> keys = counted(account, clientAddress).stream().map(Counted::key).toList();
        if (keys.isEmpty()) {
            return Standing.CLEAR;
        }
        ThrottleStanding stored = throttle.standing(keys, now);
        Optional<Duration> wait = stored.blockedUntil().map(until -> RetryAfter.of(Duration.between(now, until)));
        return new Standing(wait, account != null && stored.remembered().contains(ThrottleKey.account(account)));
    }

    /**
     * One more consecutive failure for the account and the client address (either may be null), blocking as due. Both
     * are counted in one write, so that a failure against an existing account costs what an unknown login's does.
     */
    void recordFailure(UserId account, String clientAddress, Instant now) {
        List<Counted> counted = counted(account, clientAddress);
        if (counted.isEmpty()) {
            return;
        }
        List<Integer> failures = throttle.recordFailures(counted.stream().map(Counted::key).toList(), now);
        for (int i = 0; i < counted.size(); i++) {
            Duration wait = counted.get(i).backoff().waitAfter(failures.get(i));
            if (!wait.isZero()) {
                throttle.block(counted.get(i).key(), now.plus(wait));
            }
        }
    }

    /**
     * The account proved its password: its failures are forgotten, if it had any when its standing was read. Most
     * successes have none, and skip the write. A failure counted by a concurrent attempt after that read stays counted,
     * which errs on the strict side.
     */
    void forgiveAccount(UserId account, Standing before) {
        if (before.accountHasFailures()) {
            throttle.reset(ThrottleKey.account(account));
        }
    }

    /** The keys a failure counts against (the account first, then the client address), each with its backoff. */
    private List<Counted> counted(UserId account, String clientAddress) {
        List<Counted> counted = new ArrayList<>(2);
        if (account != null) {
            counted.add(new Counted(ThrottleKey.account(account), policy.perAccount()));
        }
        if (clientAddress != null) {
            counted.add(new Counted(ThrottleKey.client(clientAddress), policy.perClient()));
        }
        return counted;
    }

    private record Counted(ThrottleKey key, BackoffPolicy backoff) {
    }

    /**
     * @param retryAfter         how long the caller must still wait; empty when neither key is blocked
     * @param accountHasFailures whether the account has failures or a block that a success forgives
     */
    record Standing(Optional<Duration> retryAfter, boolean accountHasFailures) {

        static final Standing CLEAR = new Standing(Optional.empty(), false);
    }
}
