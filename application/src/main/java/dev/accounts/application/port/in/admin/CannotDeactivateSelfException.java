package dev.accounts.application.port.in.admin;

/**
 * A superuser asked to deactivate their own account. Refused, so that the last superuser cannot lock everyone out of the
 * admin API by mistake; another superuser may do it.
 */
public final class CannotDeactivateSelfException extends RuntimeException {

    public CannotDeactivateSelfException() {
        super(null, null, false, false);
    }
}
