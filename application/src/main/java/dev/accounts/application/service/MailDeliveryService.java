package dev.accounts.application.service;

import dev.accounts.application.port.in.DeliverMailUseCase;
import dev.accounts.application.port.out.AcceptanceGate;
import dev.accounts.application.port.out.MailDeliveryException;
import dev.accounts.application.port.out.MailDeliveryQueue;
import dev.accounts.application.port.out.MailSender;
import dev.accounts.application.port.out.QueuedMail;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.random.RandomGenerator;

/**
 * One round of the outbox: claim due messages under a lease, send them outside any transaction, up to
 * {@code parallelism} at once, and record each outcome as soon as its send returns. A worker that dies mid-round
 * leaves its messages leased; another worker takes them once the lease runs out, so a crash can repeat a message but
 * never lose it.
 *
 * <p>The messages a crash can repeat are those the transport has taken but whose outcome is not yet recorded: at most
 * one per service (the application builds one), whatever the parallelism. The sender enters an {@link AcceptanceGate}
 * right before its transport takes a message for good, and the gate lets the next send through only once that
 * message's outcome is recorded, or recording it failed. Everything else of a send (rendering, connecting, envelope,
 * body) runs in parallel on the lanes; what runs one at a time is the transport's final step and the record.
 *
 * <p>A round returns only when every lane has stopped and every outcome is recorded, even if its thread is
 * interrupted: an interrupted round could send its messages twice. No send starts once half the lease has passed,
 * so a slow mail server cannot hold a round past its lease; the messages left are put back as a failed attempt.
 * After a failure to record, the round halts before the gate lets another send through: no lane starts another
 * message, and a send waiting at the gate is abandoned undelivered.
 */
public final class MailDeliveryService implements DeliverMailUseCase {

    private static final Logger LOG = System.getLogger(MailDeliveryService.class.getName());
    private static final int MAX_ERROR_LENGTH = 1000;
    static final String NOT_STARTED = "not sent: the delivery round reached half its lease before this message's turn";

    private final MailDeliveryQueue queue;
    private final MailSender sender;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final Duration lease;
    private final int batchSize;
    private final RandomGenerator random;
    private final Executor sendExecutor;
    private final LaneCount laneCount;
    /** Lanes draw retry times concurrently; not every {@link RandomGenerator} is thread-safe. */
    private final Object randomLock = new Object();
    /** One send at a time between its transport's taking the message and its record; fair, so no lane starves. */
    private final Semaphore acceptance = new Semaphore(1, true);

    /** Sends one message at a time, in the thread that calls {@link #deliverDueMail()}. */
    public MailDeliveryService(MailDeliveryQueue queue, MailSender sender, RetryPolicy retryPolicy, Clock clock,
                               Duration lease, int batchSize, RandomGenerator random) {
        this(queue, sender, retryPolicy, clock, lease, batchSize, random, Runnable::run, 1);
    }

    /**
     * @param sendExecutor runs the lanes but one (the calling thread is a lane too), so it needs
     *                     {@code parallelism - 1} threads to send at full parallelism; its threads must not be virtual
     *                     where mail clients block inside {@code synchronized} code
     * @param parallelism  how many messages are sent at once, at most; the mail sender must allow that many
     *                     concurrent calls. It does not raise how many messages a crash can repeat (one). A round
     *                     that one lane sends quickly gets fewer lanes ({@link LaneCount})
     */
    public MailDeliveryService(MailDeliveryQueue queue, MailSender sender, RetryPolicy retryPolicy, Clock clock,
                               Duration lease, int batchSize, RandomGenerator random, Executor sendExecutor,
                               int parallelism) {
        this(queue, sender, retryPolicy, clock, lease, batchSize, random, sendExecutor, new LaneCount(parallelism));
    }

    MailDeliveryService(MailDeliveryQueue queue, MailSender sender, RetryPolicy retryPolicy, Clock clock,
                        Duration lease, int batchSize, RandomGenerator random, Executor sendExecutor,
                        LaneCount laneCount) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lease = Objects.requireNonNull(lease, "lease");
        this.random = Objects.requireNonNull(random, "random");
        this.sendExecutor = Objects.requireNonNull(sendExecutor, "sendExecutor");
        this.laneCount = Objects.requireNonNull(laneCount, "laneCount");
        if (lease.isNegative() || lease.isZero() || batchSize < 1) {
            throw new IllegalArgumentException("need a positive lease and batchSize >= 1");
        }
        this.batchSize = batchSize;
    }

    @Override
    public DeliveryReport deliverDueMail() {
        Instant claimedAt = clock.instant();
        List<QueuedMail> claimed = queue.claimDue(claimedAt, lease, batchSize);
        boolean fullBatch = claimed.size() == batchSize;
        DeliveryRound round = new DeliveryRound(claimed, claimedAt.plus(lease.dividedBy(2)));
        List<CompletableFuture<Void>> otherLanes = startOtherLanes(round, laneCount.forRound(claimed.size(), fullBatch) - 1);
        Throwable failure = null;
        try {
            runLane(round);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (CompletableFuture<Void> lane : otherLanes) {
            try {
                lane.join(); // not interruptible: the round waits for every send it started to be recorded
            } catch (CompletionException e) {
                failure = firstOf(failure, e.getCause());
            }
        }
        if (failure != null) {
            throw rethrown(failure);
        }
        round.notStarted().forEach(mail -> round.count(failed(mail, NOT_STARTED, false)));
        return round.report(fullBatch);
    }

    private List<CompletableFuture<Void>> startOtherLanes(DeliveryRound round, int count) {
        List<CompletableFuture<Void>> lanes = new ArrayList<>(Math.max(count, 0));
        for (int i = 0; i < count; i++) {
            try {
                lanes.add(CompletableFuture.runAsync(() -> runLane(round), sendExecutor));
            } catch (RejectedExecutionException e) {
                // Fewer lanes, not fewer messages: the lanes that run take what this one would have sent.
                LOG.log(Level.WARNING, "mail send executor refused a lane; this round sends with {0} lanes", i + 1);
                break;
            }
        }
        return lanes;
    }

    private void runLane(DeliveryRound round) {
        for (Optional<QueuedMail> next = round.next(clock.instant()); next.isPresent(); next = round.next(clock.instant())) {
            QueuedMail mail = next.get();
            AcceptanceTurn turn = new AcceptanceTurn(acceptance, round);
            long start = System.nanoTime();
            Outcome outcome;
            try {
                outcome = deliver(mail, turn);
            } catch (RuntimeException | Error e) {
                // Halted before the gate opens: a message another lane delivered now could not be recorded either.
                round.halt();
                throw e;
            } finally {
                turn.leave();
            }
            laneCount.sent(System.nanoTime() - start);
            round.count(outcome);
            if (outcome == Outcome.SENT) {
                // Outside the gate: the line is not part of the record, and the other lanes wait while the gate is held.
                log(mail, "sent", null);
            }
        }
    }

    /** Sends and records one message; a gate the sender entered stays closed to other lanes until the lane leaves it. */
    private Outcome deliver(QueuedMail mail, AcceptanceGate gate) {
        try {
            sender.send(mail, gate);
        } catch (MailDeliveryException e) {
            return failed(mail, e.getMessage(), e.isPermanent());
        } catch (RuntimeException e) {
            // An unexpected failure is treated as transient: the attempt limit still ends it.
            return failed(mail, e.getClass().getSimpleName() + ": " + e.getMessage(), false);
        }
        queue.markSent(mail.id(), clock.instant());
        return Outcome.SENT;
    }

    private Outcome failed(QueuedMail mail, String reason, boolean permanent) {
        String error = truncate(reason == null ? "unknown error" : reason);
        Optional<Instant> next = permanent ? Optional.empty() : nextAttempt(mail);
        if (next.isPresent()) {
            queue.retryLater(mail.id(), next.get(), error);
            log(mail, "retry", error);
            return Outcome.RETRY;
        }
        queue.markDead(mail.id(), error);
        log(mail, "dead", error);
        return Outcome.DEAD;
    }

    private Optional<Instant> nextAttempt(QueuedMail mail) {
        synchronized (randomLock) {
            return retryPolicy.nextAttempt(mail.attempt(), clock.instant(), random);
        }
    }

    private static Throwable firstOf(Throwable first, Throwable next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    /** Lanes throw only unchecked exceptions; anything else would be a bug in this class. */
    private static RuntimeException rethrown(Throwable failure) {
        return switch (failure) {
            case RuntimeException e -> e;
            case Error e -> throw e;
            default -> new IllegalStateException("a mail delivery lane failed", failure);
        };
    }

    private static void log(QueuedMail mail, String outcome, String error) {
        Level level = error == null ? Level.INFO : Level.WARNING;
        LOG.log(level, () -> "mail outbox_id=" + mail.id() + " template=" + mail.mail().template() + " attempt=" + mail.attempt()
                + " outcome=" + outcome + (error == null ? "" : " error=\"" + error.replace('\r', ' ').replace('\n', ' ') + "\""));
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }

    enum Outcome { SENT, RETRY, DEAD }
}
