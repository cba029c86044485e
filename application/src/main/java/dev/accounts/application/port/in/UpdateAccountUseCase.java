package dev.accounts.application.port.in;

/**
 * A new username applies at once (the address gets a notice). A new address becomes pending: it is confirmed by
 * a link sent to it, the current address gets a notice, and stays the login address until then.
 */
public interface UpdateAccountUseCase {

    /**
     * @throws InvalidInputException when a value breaks a rule; nothing changes
     * @throws WrongPasswordException when an address change comes without the right current password
     * @throws dev.accounts.domain.user.DuplicateUserException when the username or address is taken, ignoring case
     */
    AccountView update(UpdateAccountCommand command);
}
