package dev.accounts.application.service;

import dev.accounts.domain.throttle.BackoffPolicy;
import java.util.Objects;

/**
 * How failed logins slow the next ones down, per account and per client address (defaults from SECURITY.md: an
 * account waits from its 5th consecutive failure, 1 s doubling to 15 min; a client address, which may stand for
 * many users behind one NAT, from its 21st).
 */
public record LoginThrottlePolicy(BackoffPolicy perAccount, BackoffPolicy perClient) {

    public static final LoginThrottlePolicy DEFAULTS = new LoginThrottlePolicy(BackoffPolicy.ACCOUNT, BackoffPolicy.CLIENT);

    public LoginThrottlePolicy {
        Objects.requireNonNull(perAccount, "perAccount");
        Objects.requireNonNull(perClient, "perClient");
    }
}
