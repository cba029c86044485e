package dev.accounts.application.service;

import dev.accounts.application.port.in.InvalidTokenException;
import dev.accounts.application.port.in.ResetPasswordCommand;
import dev.accounts.application.port.in.ResetPasswordUseCase;
import dev.accounts.application.port.out.AuditTrail;
import dev.accounts.application.port.out.EmailTokenStore;
import dev.accounts.application.port.out.LoginThrottle;
import dev.accounts.application.port.out.MailOutbox;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.application.port.out.SessionStore;
import dev.accounts.application.port.out.ThrottleKey;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.audit.AuditOutcome;
import dev.accounts.domain.user.EmailToken;
import dev.accounts.domain.user.Password;
import dev.accounts.domain.user.PasswordHash;
import dev.accounts.domain.user.PasswordPolicy;
import dev.accounts.domain.user.TokenDigest;
import dev.accounts.domain.user.TokenPurpose;
import dev.accounts.domain.user.User;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;

/**
 * Sets a new password from a reset link. Every session of the user ends (whoever held one may be why the password
 * was lost), the other reset links die, and the address is told. The user is not logged in by it. It works while
 * the account is throttled, and lifts the throttle: the way out for a user whose account is under attack.
 *
 * <p>The order is a trade-off. The full password policy needs the username and address, known only once the token
 * is consumed, and consuming must happen in the transaction that changes the password, so that a refused password
 * rolls the consumption back and the link still works. Hashing must stay outside transactions. So the password is
 * checked against every rule that needs no names and hashed first, then the token is consumed and the name rules are
 * checked in the transaction. The price: a well-formed but unknown token still costs one hash, as a failed login does.
 */
public final class ResetPasswordService implements ResetPasswordUseCase {

    private static final Logger LOG = System.getLogger(ResetPasswordService.class.getName());
    static final String NEW_PASSWORD = "newPassword";

    private final UserRepository users;
    private final SessionStore sessions;
    private final EmailTokenStore tokens;
    private final MailOutbox outbox;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final LoginThrottle throttle;
    private final AuditTrail audit;
    private final Transactions transactions;
    private final Clock clock;

    public ResetPasswordService(UserRepository users, SessionStore sessions, EmailTokenStore tokens, MailOutbox outbox,
                                PasswordHasher hasher, PasswordPolicy passwordPolicy, LoginThrottle throttle,
                                AuditTrail audit, Transactions transactions, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
        this.outbox = outbox;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.throttle = throttle;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void resetPassword(ResetPasswordCommand command) {
        Instant now = Now.of(clock);
        TokenDigest digest = parse(command.token(), command.clientAddress(), now);
        Password newPassword = checkWithoutNames(command.newPassword());
        PasswordHash newHash = hasher.hash(newPassword);

        User reset;
        try {
            reset = change(digest, newPassword, newHash, command.clientAddress(), now);
        } catch (InvalidTokenException e) {
            refused(command.clientAddress(), now);
            throw e;
        }
        // Whoever reads the account's mail may set its password: the guesses counted against it no longer matter.
        throttle.reset(ThrottleKey.account(reset.id()));
        LOG.log(Level.INFO, () -> "password reset user=" + reset.id() + " outcome=success");
    }

    private TokenDigest parse(String token, String clientAddress, Instant now) {
        try {
            return MailedTokens.parse(token).digest();
        } catch (InvalidTokenException e) {
            refused(clientAddress, now);
            throw e;
        }
    }

    /** Recorded on its own, after the rollback; no user id, as the token led to none. */
    private void refused(String clientAddress, Instant now) {
        audit.record(new AuditEvent(now, AuditAction.PASSWORD_RESET, null, clientAddress, AuditOutcome.FAILURE));
    }

    private User change(TokenDigest digest, Password newPassword, PasswordHash newHash, String clientAddress, Instant now) {
        return transactions.inTransaction(() -> {
            EmailToken used = tokens.consume(digest, TokenPurpose.PASSWORD_RESET, now).orElseThrow(InvalidTokenException::new);
            User user = users.findById(used.userId())
                    // A link sent to an address that is no longer the login address is as good as superseded.
                    .filter(found -> found.active() && found.email().equals(used.address()))
                    .orElseThrow(InvalidTokenException::new);
            FieldErrors errors = new FieldErrors();
            errors.addAll(NEW_PASSWORD, passwordPolicy.violations(newPassword, user.username(), user.email()));
            errors.throwIfAny();
            User changed = user.withPasswordHash(newHash, now);
            users.update(changed);
            sessions.revokeAll(changed.id());
            tokens.invalidateAll(changed.id(), TokenPurpose.PASSWORD_RESET);
            outbox.enqueue(OutgoingMail.passwordChangedNotice(changed));
            audit.record(new AuditEvent(now, AuditAction.PASSWORD_RESET, changed.id(), clientAddress, AuditOutcome.SUCCESS));
            return changed;
        });
    }

    /** Every rule that needs no username or address, before the password is hashed. */
    private Password checkWithoutNames(String typed) {
        FieldErrors errors = new FieldErrors();
        if (typed == null || typed.isEmpty()) {
            errors.add(NEW_PASSWORD, "must not be empty");
            errors.throwIfAny();
        }
        Password password = Password.of(typed);
        errors.addAll(NEW_PASSWORD, passwordPolicy.violations(password, null, null));
        errors.throwIfAny();
        return password;
    }
}
