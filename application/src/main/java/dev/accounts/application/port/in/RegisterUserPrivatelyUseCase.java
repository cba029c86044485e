package dev.accounts.application.port.in;

/**
 * Registration that tells the caller nothing about which usernames and addresses exist: it answers the same way
 * whether the account was made or not, and explains by mail, to the address given, why not. Used instead of
 * {@link RegisterUserUseCase} when registration privacy is switched on.
 */
public interface RegisterUserPrivatelyUseCase {

    /** @throws InvalidInputException when a value breaks a rule (that says nothing about other accounts) */
    void register(RegisterUserCommand command);
}
