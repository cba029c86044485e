package dev.accounts.application.port.out;

/** The store could not be reached or did not answer in time; nothing was changed, and a retry may succeed. */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
