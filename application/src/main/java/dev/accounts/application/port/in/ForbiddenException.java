package dev.accounts.application.port.in;

/** The signed-in user may not do this: it takes a right they do not have (an active superuser's, say). */
public final class ForbiddenException extends RuntimeException {

    public ForbiddenException() {
        super(null, null, false, false);
    }
}
