package dev.accounts.application.port.in;

/**
 * A signed-in user sets a new password, proving they know the current one. Every other session of the user
 * ends; the one making the change stays. A notice is mailed.
 */
public interface ChangePasswordUseCase {

    /**
     * @throws WrongPasswordException when the current password is wrong or missing; counted like a failed login
     * @throws TooManyRequestsException while the account is throttled
     * @throws InvalidInputException when the new password breaks the policy (the rule is named)
     */
    void changePassword(ChangePasswordCommand command);
}
