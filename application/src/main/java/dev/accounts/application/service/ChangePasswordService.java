package dev.accounts.application.service;

import dev.accounts.application.port.in.ChangePasswordCommand;
import dev.accounts.application.port.in.ChangePasswordUseCase;
import dev.accounts.application.port.in.UnauthenticatedException;
import dev.accounts.application.port.in.WrongPasswordException;
import dev.accounts.application.port.out.AuditTrail;
import dev.accounts.application.port.out.EmailTokenStore;
import dev.accounts.application.port.out.LoginThrottle;
import dev.accounts.application.port.out.MailOutbox;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.application.port.out.SessionStore;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.audit.AuditOutcome;
import dev.accounts.domain.user.Password;
import dev.accounts.domain.user.PasswordHash;
import dev.accounts.domain.user.PasswordPolicy;
import dev.accounts.domain.user.TokenPurpose;
import dev.accounts.domain.user.User;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;

/**
 * Sets a new password for a user who proves they know the current one. Whoever else holds a session of the user
 * (perhaps the reason for the change) is logged out, the session making the change stays, open reset links die,
 * and the address is told.
 *
 * <p>A stolen session must not become a way around the login throttle: a wrong current password counts as a failed
 * login of the account (and of the client address), and while the account is throttled the current password is not
 * even checked; a right one clears the account's count.
 */
public final class ChangePasswordService implements ChangePasswordUseCase {

    private static final Logger LOG = System.getLogger(ChangePasswordService.class.getName());
    static final String NEW_PASSWORD = "newPassword";

    private final UserRepository users;
    private final SessionStore sessions;
    private final EmailTokenStore tokens;
    private final MailOutbox outbox;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final CurrentPasswords currentPasswords;
    private final AuditTrail audit;
    private final Transactions transactions;
    private final Clock clock;

    public ChangePasswordService(UserRepository users, SessionStore sessions, EmailTokenStore tokens, MailOutbox outbox,
                                 PasswordHasher hasher, PasswordPolicy passwordPolicy, LoginThrottle throttle,
                                 LoginThrottlePolicy throttlePolicy, AuditTrail audit, Transactions transactions,
                                 Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
        this.outbox = outbox;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.currentPasswords = new CurrentPasswords(hasher, new LoginFailures(throttle, throttlePolicy), audit, clock);
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void changePassword(ChangePasswordCommand command) {
        User user = SignedInUsers.load(users, command.current());
        String client = command.current().clientAddress();
        currentPasswords.confirm(user, command.currentPassword(), AuditAction.PASSWORD_CHANGE, client);
        FieldErrors errors = new FieldErrors();
        if (command.newPassword() == null || command.newPassword().isEmpty()) {
            errors.add(NEW_PASSWORD, "must not be empty");
        } else {
            errors.addAll(NEW_PASSWORD, passwordPolicy.violations(Password.of(command.newPassword()), user.username(), user.email()));
        }
        errors.throwIfAny();

        PasswordHash newHash = hasher.hash(Password.of(command.newPassword()));
        Instant now = Now.of(clock);
        boolean applied = transactions.inTransaction(() -> {
            // Locked and checked again: of parallel changes that all passed the check above, only the first may apply.
            User current = users.findByIdForUpdate(command.current().userId()).orElseThrow(UnauthenticatedException::new);
            if (!current.passwordHash().equals(user.passwordHash())) {
                return false;
            }
            User changed = current.withPasswordHash(newHash, now);
            users.update(changed);
            sessions.revokeAllExcept(changed.id(), command.current().session());
            tokens.invalidateAll(changed.id(), TokenPurpose.PASSWORD_RESET);
            outbox.enqueue(OutgoingMail.passwordChangedNotice(changed));
            audit.record(new AuditEvent(now, AuditAction.PASSWORD_CHANGE, changed.id(), client, AuditOutcome.SUCCESS));
            return true;
        });
        if (!applied) {
            // Another change committed since the check: the password typed is no longer the current one. Not a guess,
            // so the throttle does not count it.
            audit.record(new AuditEvent(now, AuditAction.PASSWORD_CHANGE, user.id(), client, AuditOutcome.FAILURE));
            LOG.log(Level.INFO, () -> "password change user=" + user.id() + " outcome=superseded");
            throw new WrongPasswordException();
        }
        LOG.log(Level.INFO, () -> "password change user=" + user.id() + " outcome=success");
    }
}
