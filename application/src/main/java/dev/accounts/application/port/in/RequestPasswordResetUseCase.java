package dev.accounts.application.port.in;

/**
 * Mails a reset link when an account has this address. Behaves the same whether or not one does, so the answer
 * tells nothing about which addresses have accounts.
 */
public interface RequestPasswordResetUseCase {

    /** @throws InvalidInputException when the text is not an address at all */
    void requestPasswordReset(String email, String clientAddress);
}
