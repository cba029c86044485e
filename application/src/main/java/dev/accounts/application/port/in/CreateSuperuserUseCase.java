package dev.accounts.application.port.in;

/**
 * Makes a superuser. Reached only from the command line of the jar (an operator with access to the host), never
 * through HTTP. The address counts as verified: the operator vouches for it.
 */
public interface CreateSuperuserUseCase {

    /**
     * @throws InvalidInputException when a value breaks a rule (same rules as registration)
     * @throws dev.accounts.domain.user.DuplicateUserException when the username or address is taken
     */
    UserView createSuperuser(RegisterUserCommand command);
}
