package dev.accounts.application.port.out;

/**
 * The transport did not take a message. Transient failures (SMTP 4xx, network errors, time-outs) may succeed
 * later; permanent ones (SMTP 5xx) will not. The message is kept as the outbox's last error, so it must not
 * contain the message body.
 */
public final class MailDeliveryException extends RuntimeException {

    private final boolean permanent;

    private MailDeliveryException(String reason, boolean permanent, Throwable cause) {
        super(reason, cause);
        this.permanent = permanent;
    }

    public static MailDeliveryException transientFailure(String reason, Throwable cause) {
        return new MailDeliveryException(reason, false, cause);
    }

    public static MailDeliveryException permanentFailure(String reason, Throwable cause) {
        return new MailDeliveryException(reason, true, cause);
    }

    public boolean isPermanent() {
        return permanent;
    }
}
