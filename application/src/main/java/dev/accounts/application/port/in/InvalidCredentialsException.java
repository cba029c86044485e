package dev.accounts.application.port.in;

/** The login or the password is wrong, or the account is inactive. One exception for all three, so that callers cannot tell them apart. */
public final class InvalidCredentialsException extends RuntimeException {

    public InvalidCredentialsException() {
        super(null, null, false, false);
    }
}
