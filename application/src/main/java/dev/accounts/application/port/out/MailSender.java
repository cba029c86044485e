package dev.accounts.application.port.out;

/** Renders and hands one message to the mail transport. */
public interface MailSender {

    /**
     * Sends one message, calling {@code gate.enter()} once, immediately before the transport takes it for good (see
     * {@link AcceptanceGate}).
     *
     * @throws MailDeliveryException when the transport did not accept the message; it says whether trying
     *         again may help
     */
    void send(QueuedMail mail, AcceptanceGate gate);
}
