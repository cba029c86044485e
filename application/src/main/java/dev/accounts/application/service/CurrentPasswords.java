package dev.accounts.application.service;

import dev.accounts.application.port.in.TooManyRequestsException;
import dev.accounts.application.port.in.WrongPasswordException;
import dev.accounts.application.port.out.AuditTrail;
import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.audit.AuditOutcome;
import dev.accounts.domain.user.Password;
import dev.accounts.domain.user.User;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks the current password a signed-in user types to confirm a sensitive change, under the same throttle as
 * logins: otherwise a stolen session would be an unthrottled way to guess the password. While the account must wait
 * the password is not checked at all; a wrong one counts as a failed login of the account and the client address,
 * a right one clears the account's count as a login would.
 * Refusals are audited on their own, as no transaction is open yet. Costs one hash: call it outside transactions.
 */
final class CurrentPasswords {

    private static final Logger LOG = System.getLogger(CurrentPasswords.class.getName());

    private final PasswordHasher hasher;
    private final LoginFailures failures;
    private final AuditTrail audit;
    private final Clock clock;

    CurrentPasswords(PasswordHasher hasher, LoginFailures failures, AuditTrail audit, Clock clock) {
        this.hasher = hasher;
        this.failures = failures;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @throws TooManyRequestsException while the account is throttled, whatever the password
     * @throws WrongPasswordException when the password is wrong or missing
     */
    void confirm(User user, String typed, AuditAction action, String clientAddress) {
        Instant now = Now.of(clock);
        // Only the account: a client address throttled by others' failures must not lock a signed-in user out.
        LoginFailures.Standing standing = failures.standing(user.id(), null, now);
        Optional<Duration> wait = standing.retryAfter();
        if (wait.isPresent()) {
            audit.record(new AuditEvent(now, action, user.id(), clientAddress, AuditOutcome.THROTTLED));
            LOG.log(Level.INFO, () -> action + " user=" + user.id() + " outcome=throttled");
            throw new TooManyRequestsException(wait.get());
        }
        Optional<Password> password = TypedPasswords.checkable(typed);
        if (password.isEmpty() || !hasher.matches(password.get(), user.passwordHash())) {
            failures.recordFailure(user.id(), clientAddress, now);
            audit.record(new AuditEvent(now, action, user.id(), clientAddress, AuditOutcome.FAILURE));
            LOG.log(Level.INFO, () -> action + " user=" + user.id() + " outcome=wrong_password");
            throw new WrongPasswordException();
        }
        // Proven as well as by a login: the account's earlier failures were the user's own typos.
        failures.forgiveAccount(user.id(), standing);
    }
}
