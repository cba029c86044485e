package dev.accounts.application.port.in;

/** A mailed token is unknown, used, superseded or expired. Which one is not said. */
public final class InvalidTokenException extends RuntimeException {

    public InvalidTokenException() {
        super(null, null, false, false);
    }
}
