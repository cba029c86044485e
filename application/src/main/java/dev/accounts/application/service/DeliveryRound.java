package dev.accounts.application.service;

import dev.accounts.application.port.in.DeliverMailUseCase.DeliveryReport;
import dev.accounts.application.port.out.QueuedMail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The messages one round claimed, shared by the lanes that send them: each lane takes the next message until none
 * is left, the round's last start time has passed, or a lane has failed to record an outcome. Thread-safe.
 *
 * <p>A send starts only before {@code lastStart}, so that a round ends well inside its lease even when the mail
 * server is slow: messages still waiting then are put back by the caller (see {@link #notStarted()}). After a failure
 * to record (the store is most likely down) nothing more is sent: a message sent then could not be recorded either,
 * and would be sent again once its lease ran out.
 */
final class DeliveryRound {

    private final Queue<QueuedMail> waiting;
    private final Instant lastStart;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger retried = new AtomicInteger();
    private final AtomicInteger dead = new AtomicInteger();
    private volatile boolean halted;

    DeliveryRound(List<QueuedMail> claimed, Instant lastStart) {
        this.waiting = new ConcurrentLinkedQueue<>(claimed);
        this.lastStart = lastStart;
    }

    /** The next message to send at {@code now}; empty when the lane should stop. */
    Optional<QueuedMail> next(Instant now) {
        if (halted || now.isAfter(lastStart)) {
            return Optional.empty();
        }
        return Optional.ofNullable(waiting.poll());
    }

    /** Stops every lane before its next message. */
    void halt() {
        halted = true;
    }

    boolean halted() {
        return halted;
    }

    /** Takes the messages no lane started; call once every lane has stopped. */
    List<QueuedMail> notStarted() {
        List<QueuedMail> left = new ArrayList<>();
        for (QueuedMail mail = waiting.poll(); mail != null; mail = waiting.poll()) {
            left.add(mail);
        }
        return left;
    }

    void count(MailDeliveryService.Outcome outcome) {
        switch (outcome) {
            case SENT -> sent.incrementAndGet();
            case RETRY -> retried.incrementAndGet();
            case DEAD -> dead.incrementAndGet();
        }
    }

    DeliveryReport report(boolean fullBatch) {
        return new DeliveryReport(sent.get(), retried.get(), dead.get(), fullBatch);
    }
}
