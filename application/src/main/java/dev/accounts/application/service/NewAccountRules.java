package dev.accounts.application.service;

import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.Password;
import dev.accounts.domain.user.PasswordHash;
import dev.accounts.domain.user.PasswordPolicy;
import dev.accounts.domain.user.Username;

/**
 * The rules every new account meets, however it is made (sign-up, the superuser command): checked all at once, then
 * the password hashed, outside any transaction.
 */
final class NewAccountRules {

    /** Input that passed every rule, before the password is hashed. */
    record Valid(Username username, EmailAddress email, Password password) {
    }

    /** What a new account is made of once its input passed every rule. */
    record Accepted(Username username, EmailAddress email, PasswordHash passwordHash) {
    }

    private final PasswordPolicy passwordPolicy;
    private final PasswordHasher hasher;

    NewAccountRules(PasswordPolicy passwordPolicy, PasswordHasher hasher) {
        this.passwordPolicy = passwordPolicy;
        this.hasher = hasher;
    }

    /** @throws dev.accounts.application.port.in.InvalidInputException listing every broken rule; nothing is hashed then */
    Accepted accept(RegisterUserCommand command) {
        return hash(validate(command));
    }

    /** @throws dev.accounts.application.port.in.InvalidInputException listing every broken rule */
    Valid validate(RegisterUserCommand command) {
        FieldErrors errors = new FieldErrors();
        Username username = errors.parse("username", () -> new Username(command.username()));
        EmailAddress email = errors.parse("email", () -> new EmailAddress(command.email()));
        if (command.password() == null || command.password().isEmpty()) {
            errors.add("password", "must not be empty");
        } else {
            errors.addAll("password", passwordPolicy.violations(Password.of(command.password()), username, email));
        }
        errors.throwIfAny();
        return new Valid(username, email, Password.of(command.password()));
    }

    Accepted hash(Valid valid) {
        return new Accepted(valid.username(), valid.email(), hasher.hash(valid.password()));
    }
}
