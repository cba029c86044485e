package dev.accounts.application.port.in;

/** Sends a fresh verification link to the signed-in user's address; older links die. */
public interface ResendVerificationUseCase {

    /**
     * Does nothing when the address is already verified.
     *
     * @throws TooManyRequestsException when a link was sent less than the minimum interval ago
     */
    void resendVerification(Authenticated current);
}
