package dev.accounts.application.port.in;

/** The thing the request names does not exist (or is not in the state the request needs, such as a dead message). */
public final class NotFoundException extends RuntimeException {

    public NotFoundException() {
        super(null, null, false, false);
    }
}
