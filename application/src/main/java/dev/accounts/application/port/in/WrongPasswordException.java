package dev.accounts.application.port.in;

/** The current password given to confirm a sensitive change is wrong or missing. */
public final class WrongPasswordException extends RuntimeException {

    public WrongPasswordException() {
        super(null, null, false, false);
    }
}
