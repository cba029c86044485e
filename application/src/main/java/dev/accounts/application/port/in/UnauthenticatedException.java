package dev.accounts.application.port.in;

/** The request carries no live session: no token, a malformed, unknown, expired or revoked one. */
public final class UnauthenticatedException extends RuntimeException {

    public UnauthenticatedException() {
        super(null, null, false, false);
    }
}
