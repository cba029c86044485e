package dev.accounts.application.service;

import dev.accounts.application.port.in.AccountView;
import dev.accounts.application.port.in.UpdateAccountCommand;
import dev.accounts.application.port.in.UpdateAccountUseCase;
import dev.accounts.application.port.in.WrongPasswordException;
import dev.accounts.application.port.out.EmailTokenStore;
import dev.accounts.application.port.out.MailOutbox;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.application.port.out.ProfileRepository;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.user.DuplicateUserException;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.EmailToken;
import dev.accounts.domain.user.Password;
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
 * needs the current password.
 */
public final class UpdateAccountService implements UpdateAccountUseCase {

    private static final Logger LOG = System.getLogger(UpdateAccountService.class.getName());

    private final UserRepository users;
    private final ProfileRepository profiles;
    private final EmailTokenStore tokens;
    private final MailOutbox outbox;
    private final PasswordHasher hasher;
    private final LifecyclePolicy lifecycle;
    private final Transactions transactions;
    private final Clock clock;

    public UpdateAccountService(UserRepository users, ProfileRepository profiles, EmailTokenStore tokens, MailOutbox outbox,
                                PasswordHasher hasher, LifecyclePolicy lifecycle, Transactions transactions, Clock clock) {
        this.users = users;
        this.profiles = profiles;
        this.tokens = tokens;
        this.outbox = outbox;
        this.hasher = hasher;
        this.lifecycle = lifecycle;
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
        if (newEmail.isPresent()) {
            checkCurrentPassword(user, command.currentPassword());
            // Only to answer 409 now rather than after the mail round trip. Not the uniqueness guarantee: the address
            // may be taken between now and the confirmation, where the store's unique index decides.
            if (users.findByEmail(newEmail.get()).filter(other -> !other.equals(user)).isPresent()) {
                throw new DuplicateUserException(DuplicateUserException.Attribute.EMAIL);
            }
        }

        Instant now = Now.of(clock);
        SecretToken confirmation = SecretToken.generate();
        User changed = transactions.inTransaction(() -> {
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
            }
            if (newEmail.isPresent()) {
                tokens.issue(new EmailToken(confirmation.digest(), updated.id(), newEmail.get(), TokenPurpose.EMAIL_CHANGE,
                        now, now.plus(lifecycle.emailChangeTokenLifetime())));
                outbox.enqueue(OutgoingMail.emailChangeConfirmation(updated, newEmail.get(), confirmation));
                outbox.enqueue(OutgoingMail.emailChangeNotice(updated, newEmail.get()));
            }
            return updated;
        });
        LOG.log(Level.INFO, () -> "account update user=" + changed.id() + " usernameChanged=" + newUsername.isPresent()
                + " emailChangeRequested=" + newEmail.isPresent());
        return AccountView.of(changed, profiles.find(changed.id()));
    }

    /** Costs a hash: done before the transaction, so no connection waits on it. */
    private void checkCurrentPassword(User user, String typed) {
        Optional<Password> password = TypedPasswords.checkable(typed);
        if (password.isEmpty() || !hasher.matches(password.get(), user.passwordHash())) {
            LOG.log(Level.INFO, () -> "account update user=" + user.id() + " outcome=wrong_password");
            throw new WrongPasswordException();
        }
    }
}
