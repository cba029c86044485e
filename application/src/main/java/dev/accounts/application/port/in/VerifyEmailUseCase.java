package dev.accounts.application.port.in;

/**
 * Uses a token from a mail: a verification token marks the address verified; an address-change token makes the
 * pending address the login address, verified.
 */
public interface VerifyEmailUseCase {

    /**
     * @throws InvalidTokenException when the token is unknown, used, superseded or expired; nothing changes
     * @throws dev.accounts.domain.user.DuplicateUserException when the new address was taken meanwhile
     */
    AccountView verify(String token, String clientAddress);
}
