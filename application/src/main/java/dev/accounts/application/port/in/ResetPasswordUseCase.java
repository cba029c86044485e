package dev.accounts.application.port.in;

/** Sets a new password from a reset link. Every session of the user ends; the user is not signed in by it. */
public interface ResetPasswordUseCase {

    /**
     * @throws InvalidTokenException when the token is unknown, used, superseded or expired
     * @throws InvalidInputException when the new password breaks the policy
     */
    void resetPassword(ResetPasswordCommand command);
}
