package dev.accounts.application.port.out;

/**
 * The moment a {@link MailSender} is about to make its transport take a message for good. Whoever calls the sender
 * uses it to keep messages that were taken but whose outcome is not yet recorded to one at a time: those are the
 * messages a crash sends twice, so a crash then repeats at most one, however many messages are being sent at once.
 *
 * <p>A sender calls {@link #enter()} once per message, from the thread that called {@link MailSender#send},
 * immediately before the step after which the message is delivered and cannot be taken back: for SMTP before writing
 * the {@code CRLF.CRLF} that ends DATA, for a pickup directory before the file appears under its final name, for a
 * log before the line is written. Everything before it (rendering, connecting, the envelope, the body) runs outside,
 * in parallel with other sends. A sender that fails before calling it has not delivered the message.
 */
@FunctionalInterface
public interface AcceptanceGate {

    /**
     * Waits until this message may be taken by the transport.
     *
     * @throws MailDeliveryException when the message must not be delivered now; the sender then abandons it, without
     *         delivering it, and lets the exception through
     */
    void enter();
}
