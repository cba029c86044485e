package dev.accounts.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * The lifetimes and limits of the account lifecycle (defaults from SECURITY.md): sessions end 24 h after login or
 * after 2 h unused; verification links live 24 h, address-change and reset links 1 h; a user may ask for a new
 * verification link once a minute, and one address receives at most 10 user-triggered mails a day.
 */
public record LifecyclePolicy(Duration sessionLifetime, Duration sessionIdleTimeout, Duration verificationTokenLifetime,
                              Duration emailChangeTokenLifetime, Duration passwordResetTokenLifetime,
                              Duration mailRequestInterval, int mailRequestsPerDay) {

    public static final LifecyclePolicy DEFAULTS = new LifecyclePolicy(Duration.ofHours(24), Duration.ofHours(2),
            Duration.ofHours(24), Duration.ofHours(1), Duration.ofHours(1), Duration.ofMinutes(1), 10);

    public LifecyclePolicy {
        for (Duration d : new Duration[] {sessionLifetime, sessionIdleTimeout, verificationTokenLifetime,
                emailChangeTokenLifetime, passwordResetTokenLifetime, mailRequestInterval}) {
            Objects.requireNonNull(d, "durations must be given");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("lifetimes and intervals must be positive");
            }
        }
        if (mailRequestsPerDay < 1) {
            throw new IllegalArgumentException("mailRequestsPerDay must be at least 1");
        }
    }
}
