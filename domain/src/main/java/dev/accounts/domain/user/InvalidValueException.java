package dev.accounts.domain.user;

/**
 * A value broke one of the domain's rules. The message names the rule, never the value:
 * the value may be a password, and messages end up in responses and logs.
 */
public final class InvalidValueException extends RuntimeException {

    public InvalidValueException(String rule) {
        super(rule, null, false, false);
    }
}
