package dev.accounts.application.service;

import dev.accounts.application.port.in.InvalidTokenException;
import dev.accounts.domain.user.InvalidValueException;
import dev.accounts.domain.user.SecretToken;

/** Reads tokens that come back from links in mails. */
final class MailedTokens {

    private MailedTokens() {
    }

    /** @throws InvalidTokenException for text that cannot be one of ours, without a look-up */
    static SecretToken parse(String text) {
        try {
            return SecretToken.parse(text);
        } catch (InvalidValueException e) {
            throw new InvalidTokenException();
        }
    }
}
