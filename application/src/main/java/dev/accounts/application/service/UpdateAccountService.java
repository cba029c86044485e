package dev.accounts.application.service;

import dev.accounts.application.port.in.AccountView;
import dev.accounts.application.port.in.UpdateAccountCommand;
import dev.accounts.application.port.in.UpdateAccountUseCase;
import dev.accounts.application.port.out.AuditTrail;
import dev.accounts.application.port.out.EmailTokenStore;
import dev.accounts.application.port.out.LoginThrottle;
import dev.accounts.application.port.out.MailOutbox;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.application.port.out.ProfileRepository;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.audit.AuditOutcome;
import dev.accounts.domain.user.DuplicateUserException;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.EmailToken;
import dev.accounts.domain.user.SecretToken;
import dev.accounts.domain.user.TokenPurpose;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.Username;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Changes the username at once and starts an address change. The new address only becomes pending: the current one
 * stays the login address until a link mailed to the new one is followed ({@link VerifyEmailService}), and it is told
 * of the request, so a stolen session alone cannot take the account over. For the same reason an address change
 * needs the current password, checked under the login throttle ({@link CurrentPasswords}). Each change is audited in
 * its transaction; a refusal on its own.
 */
public final class UpdateAccountService implements UpdateAccountUseCase {

    private static final Logger LOG = System.getLogger(UpdateAccountService.class.getName());

    private final UserRepository users;
    private final ProfileRepository profiles;
    private final EmailTokenStore tokens;
    private final MailOutbox outbox;
    private final CurrentPasswords currentPasswords;
    private final LifecyclePolicy lifecycle;
    private final AuditTrail audit;
    private final Transactions transactions;
    private final Clock clock;

    public UpdateAccountService(UserRepository users, ProfileRepository profiles, EmailTokenStore tokens, MailOutbox outbox,
                                PasswordHasher hasher, LifecyclePolicy lifecycle, LoginThrottle throttle,
                                LoginThrottlePolicy throttlePolicy, AuditTrail audit, Transactions transactions,
                                Clock clock) {
        this.users = users;
        this.profiles = profiles;
        this.tokens = tokens;
        this.outbox = outbox;
        this.currentPasswords = new CurrentPasswords(hasher, new LoginFailures(throttle, throttlePolicy), audit, clock);
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public AccountView update(UpdateAccountCommand command) {
        FieldErrors errors = new FieldErrors();
        Username requestedUsername = command.username() == null ? null
                : errors.parse("username", () -> new Username(command.username()));
        EmailAddress requestedEmail = command.email() == null ? null
                : errors.parse("email", () -> new EmailAddress(command.email()));
        errors.throwIfAny();

        User user = SignedInUsers.load(users, command.current());
        // Stored as typed, so "alice" -> "Alice" is a change; the store's index lets a user collide with itself.
        Optional<Username> newUsername = Optional.ofNullable(requestedUsername)
                .filter(name -> !name.value().equals(user.username().value()));
        // An address differing only in case is the same address: nothing to confirm.
        Optional<EmailAddress> newEmail = Optional.ofNullable(requestedEmail).filter(address -> !address.equals(user.email()));
        if (newUsername.isEmpty() && newEmail.isEmpty()) {
            return AccountView.of(user, profiles.find(user.id()));
        }
        String client = command.current().clientAddress();
        if (newEmail.isPresent()) {
            currentPasswords.confirm(user, command.currentPassword(), AuditAction.EMAIL_CHANGE_REQUEST, client);
            // Only to answer 409 now rather than after the mail round trip. Not the uniqueness guarantee: the address
            // may be taken between now and the confirmation, where the store's unique index decides.
            if (users.findByEmail(newEmail.get()).filter(other -> !other.equals(user)).isPresent()) {
                audit.record(new AuditEvent(Now.of(clock), AuditAction.EMAIL_CHANGE_REQUEST, user.id(), client,
                        AuditOutcome.FAILURE));
                throw new DuplicateUserException(DuplicateUserException.Attribute.EMAIL);
            }
        }

        Instant now = Now.of(clock);
        SecretToken confirmation = SecretToken.generate();
        User changed;
        try {
            changed = applyChanges(command, newUsername, newEmail, confirmation, now);
        } catch (DuplicateUserException e) {
            // Rolled back; recorded on its own. Only the username is unique at this point: a pending address is not.
            audit.record(new AuditEvent(now, AuditAction.USERNAME_CHANGE, user.id(), client, AuditOutcome.FAILURE));
            throw e;
        }
        LOG.log(Level.INFO, () -> "account update user=" + changed.id() + " usernameChanged=" + newUsername.isPresent()
                + " emailChangeRequested=" + newEmail.isPresent());
        return AccountView.of(changed, profiles.find(changed.id()));
    }

    private User applyChanges(UpdateAccountCommand command, Optional<Username> newUsername, Optional<EmailAddress> newEmail,
                              SecretToken confirmation, Instant now) {
        String client = command.current().clientAddress();
        return transactions.inTransaction(() -> {
            User current = SignedInUsers.load(users, command.current());
            User updated = current;
            if (newUsername.isPresent()) {
                updated = updated.withUsername(newUsername.get(), now);
            }
            if (newEmail.isPresent()) {
                updated = updated.withPendingEmail(newEmail.get(), now);
            }
            users.update(updated);
            if (newUsername.isPresent()) {
                outbox.enqueue(OutgoingMail.usernameChangedNotice(updated, current.username().value()));
                audit.record(new AuditEvent(now, AuditAction.USERNAME_CHANGE, updated.id(), client, AuditOutcome.SUCCESS));
            }
            if (newEmail.isPresent()) {
                tokens.issue(new EmailToken(confirmation.digest(), updated.id(), newEmail.get(), TokenPurpose.EMAIL_CHANGE,
                        now, now.plus(lifecycle.emailChangeTokenLifetime())));
                outbox.enqueue(OutgoingMail.emailChangeConfirmation(updated, newEmail.get(), confirmation));
                outbox.enqueue(OutgoingMail.emailChangeNotice(updated, newEmail.get()));
                audit.record(new AuditEvent(now, AuditAction.EMAIL_CHANGE_REQUEST, updated.id(), client,
                        AuditOutcome.SUCCESS));
            }
            return updated;
        });
    }
}
