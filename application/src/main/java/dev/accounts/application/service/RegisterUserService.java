package dev.accounts.application.service;

import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.application.port.in.RegisterUserUseCase;
import dev.accounts.application.port.in.UserView;
import dev.accounts.application.port.out.MailOutbox;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.Password;
import dev.accounts.domain.user.PasswordHash;
import dev.accounts.domain.user.PasswordPolicy;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import dev.accounts.domain.user.Username;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Checks every rule first, hashes outside any transaction, then stores the user and its welcome mail in one
 * transaction. A taken username or address is found by the store's unique index at insert time.
 */
public final class RegisterUserService implements RegisterUserUseCase {

    private final UserRepository users;
    private final MailOutbox outbox;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final Transactions transactions;
    private final Clock clock;

    public RegisterUserService(UserRepository users, MailOutbox outbox, PasswordHasher hasher,
                               PasswordPolicy passwordPolicy, Transactions transactions, Clock clock) {
        this.users = users;
        this.outbox = outbox;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
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
        // PostgreSQL keeps microseconds: the answer shows exactly what was stored.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        User user = User.register(UserId.generate(clock), username, email, hash, now);
        transactions.inTransaction(() -> {
            users.add(user);
            outbox.enqueue(OutgoingMail.welcome(user));
        });
        return UserView.from(user);
    }
}
