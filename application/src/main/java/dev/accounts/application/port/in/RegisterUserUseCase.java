package dev.accounts.application.port.in;

/** A new user signs up; a welcome mail is queued in the same transaction. */
public interface RegisterUserUseCase {

    /**
     * @throws InvalidInputException when a value breaks a rule (every broken rule is listed)
     * @throws dev.accounts.domain.user.DuplicateUserException when the username or address is taken, ignoring case
     * @throws dev.accounts.application.port.out.StoreUnavailableException when the store cannot be reached
     */
    UserView register(RegisterUserCommand command);
}
