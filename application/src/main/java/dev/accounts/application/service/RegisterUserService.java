package dev.accounts.application.service;

import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.application.port.in.RegisterUserUseCase;
import dev.accounts.application.port.in.UserView;
import dev.accounts.application.port.out.EmailTokenStore;
import dev.accounts.application.port.out.MailOutbox;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.application.port.out.ProfileRepository;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.EmailToken;
import dev.accounts.domain.user.Password;
import dev.accounts.domain.user.PasswordHash;
import dev.accounts.domain.user.PasswordPolicy;
import dev.accounts.domain.user.Profile;
import dev.accounts.domain.user.SecretToken;
import dev.accounts.domain.user.TokenPurpose;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import dev.accounts.domain.user.Username;
import java.time.Clock;
import java.time.Instant;

/**
 * Checks every rule first, hashes outside any transaction, then stores in one transaction the user, their empty
 * profile, an email-verification token and the welcome mail that carries it. A taken username or address is found
 * by the store's unique index at insert time.
 */
public final class RegisterUserService implements RegisterUserUseCase {

    private final UserRepository users;
    private final ProfileRepository profiles;
    private final EmailTokenStore tokens;
    private final MailOutbox outbox;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final LifecyclePolicy lifecycle;
    private final Transactions transactions;
    private final Clock clock;

    public RegisterUserService(UserRepository users, ProfileRepository profiles, EmailTokenStore tokens, MailOutbox outbox,
                               PasswordHasher hasher, PasswordPolicy passwordPolicy, LifecyclePolicy lifecycle,
                               Transactions transactions, Clock clock) {
        this.users = users;
        this.profiles = profiles;
        this.tokens = tokens;
        this.outbox = outbox;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.lifecycle = lifecycle;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public UserView register(RegisterUserCommand command) {
        FieldErrors errors = new FieldErrors();
        Username username = errors.parse("username", () -> new Username(command.username()));
        EmailAddress email = errors.parse("email", () -> new EmailAddress(command.email()));
        if (command.password() == null || command.password().isEmpty()) {
            errors.add("password", "must not be empty");
        } else {
            errors.addAll("password", passwordPolicy.violations(Password.of(command.password()), username, email));
        }
        errors.throwIfAny();

        PasswordHash hash = hasher.hash(Password.of(command.password()));
        Instant now = Now.of(clock);
        User user = User.register(UserId.generate(clock), username, email, hash, now);
        SecretToken verification = SecretToken.generate();
        EmailToken stored = new EmailToken(verification.digest(), user.id(), email, TokenPurpose.EMAIL_VERIFICATION, now,
                now.plus(lifecycle.verificationTokenLifetime()));
        transactions.inTransaction(() -> {
            users.add(user);
            profiles.save(user.id(), Profile.EMPTY);
            tokens.issue(stored);
            outbox.enqueue(OutgoingMail.welcome(user, verification));
        });
        return UserView.from(user);
    }
}
