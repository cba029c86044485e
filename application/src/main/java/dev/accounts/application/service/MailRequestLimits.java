package dev.accounts.application.service;

import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.application.port.out.RecentMail;
import dev.accounts.domain.user.EmailAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Per-recipient limits on mail a user can make us send (SECURITY.md, "Enumeration and abuse"): one message of a kind
 * per {@link LifecyclePolicy#mailRequestInterval()}, and at most {@link LifecyclePolicy#mailRequestsPerDay()} of all
 * user-triggered kinds together in 24 hours. Counted from the outbox, so every instance of the service sees the same
 * counts. Not a hard guarantee: two requests at the same moment may both pass; it bounds abuse, it does not
 * serialise requests.
 */
final class MailRequestLimits {

    /**
     * The kinds a user can trigger again and again, counted together against the daily limit. The private-registration
     * notices are among them: anyone can aim those at any address by registering with it.
     */
    static final Set<MailTemplate> USER_TRIGGERED = EnumSet.of(MailTemplate.EMAIL_VERIFICATION, MailTemplate.PASSWORD_RESET,
            MailTemplate.ACCOUNT_EXISTS_NOTICE, MailTemplate.USERNAME_TAKEN_NOTICE);
    static final Duration DAY = Duration.ofHours(24);
    /** The search for the time a limit ends stops at a 64th of the window: at most about 7 look-ups. */
    private static final int SEARCH_STEPS = 64;
    private static final Duration FINEST = Duration.ofSeconds(1);

    private final RecentMail recentMail;
    private final LifecyclePolicy lifecycle;

    MailRequestLimits(RecentMail recentMail, LifecyclePolicy lifecycle) {
        this.recentMail = recentMail;
        this.lifecycle = lifecycle;
    }

    /** Whether another message of {@code sameKind} may go to the recipient now. */
    boolean allow(EmailAddress recipient, Set<MailTemplate> sameKind, Instant now) {
        return !intervalBroken(recipient, sameKind, now) && !dailyLimitBroken(recipient, now);
    }

    /**
     * How long until another message of {@code sameKind} may go to the recipient, rounded up to whole seconds;
     * empty when one may go now.
     */
    Optional<Duration> waitBefore(EmailAddress recipient, Set<MailTemplate> sameKind, Instant now) {
        Duration wait = Duration.ZERO;
        if (intervalBroken(recipient, sameKind, now)) {
            wait = until(recipient, sameKind, 1, lifecycle.mailRequestInterval(), now);
        }
        if (dailyLimitBroken(recipient, now)) {
            Duration daily = until(recipient, USER_TRIGGERED, lifecycle.mailRequestsPerDay(), DAY, now);
            wait = daily.compareTo(wait) > 0 ? daily : wait;
        }
        return wait.isZero() ? Optional.empty() : Optional.of(RetryAfter.of(wait));
    }

    private boolean intervalBroken(EmailAddress recipient, Set<MailTemplate> sameKind, Instant now) {
        return recentMail.countQueuedSince(recipient, sameKind, now.minus(lifecycle.mailRequestInterval())) > 0;
    }

    private boolean dailyLimitBroken(EmailAddress recipient, Instant now) {
        return recentMail.countQueuedSince(recipient, USER_TRIGGERED, now.minus(DAY)) >= lifecycle.mailRequestsPerDay();
    }

    /**
     * How long until fewer than {@code limit} messages lie in the window. {@link RecentMail} tells counts, not
     * times, so this searches by halving for the earliest start from which fewer than {@code limit} were queued:
     * once the window has slid past that start, the limit no longer holds. Errs on the late side.
     */
    private Duration until(EmailAddress recipient, Set<MailTemplate> templates, int limit, Duration window, Instant now) {
        Duration precision = window.dividedBy(SEARCH_STEPS).compareTo(FINEST) > 0 ? window.dividedBy(SEARCH_STEPS) : FINEST;
        Instant full = now.minus(window);
        Instant clear = now.plus(precision);
        while (Duration.between(full, clear).compareTo(precision) > 0) {
            Instant middle = full.plus(Duration.between(full, clear).dividedBy(2));
            if (recentMail.countQueuedSince(recipient, templates, middle) >= limit) {
                full = middle;
            } else {
                clear = middle;
            }
        }
        return Duration.between(now, clear.plus(window));
    }
}
