package dev.accounts.application.service;

import dev.accounts.application.port.out.AcceptanceGate;
import dev.accounts.application.port.out.MailDeliveryException;
import java.util.Objects;
import java.util.concurrent.Semaphore;

/**
 * One send's way through the delivery service's acceptance gate: from {@link #enter()}, which the sender calls right
 * before its transport takes the message for good, to {@link #leave()}, once the outcome is recorded. The gate lets
 * one send through at a time, so a crash finds at most one message taken by the transport and not yet recorded.
 *
 * <p>Confined to one lane's thread: the sender enters on it, at most once, and the lane leaves on it. Once the round
 * has halted after a failure to record, the gate lets nothing more through: a message delivered then could not be
 * recorded either.
 */
final class AcceptanceTurn implements AcceptanceGate {

    static final String HALTED = "not sent: the delivery round stopped after failing to record an outcome";

    private final Semaphore gate;
    private final DeliveryRound round;
    private final Thread lane = Thread.currentThread();
    private boolean entered;
    private boolean inside;

    /** Made on the lane's thread, for one message. */
    AcceptanceTurn(Semaphore gate, DeliveryRound round) {
        this.gate = Objects.requireNonNull(gate, "gate");
        this.round = Objects.requireNonNull(round, "round");
    }

    @Override
    public void enter() {
        if (Thread.currentThread() != lane) {
            // A permit taken on another thread, after the lane has moved on, would never be given back.
            throw new IllegalStateException("the acceptance gate must be entered by the thread that sends the message");
        }
        if (entered) {
            throw new IllegalStateException("the acceptance gate was entered twice for one message");
        }
        entered = true;
        // Not interruptible, like the round: the wait is the final reply and the record of the send ahead.
        gate.acquireUninterruptibly();
        inside = true;
        if (round.halted()) {
            leave();
            throw MailDeliveryException.transientFailure(HALTED, null);
        }
    }

    /** Lets the next send through, if this one went in; does nothing otherwise. */
    void leave() {
        if (inside) {
            inside = false;
            gate.release();
        }
    }
}
