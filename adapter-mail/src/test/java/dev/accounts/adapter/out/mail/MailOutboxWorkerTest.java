package dev.accounts.adapter.out.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.accounts.application.port.in.DeliverMailUseCase;
import dev.accounts.application.port.in.DeliverMailUseCase.DeliveryReport;
import dev.accounts.application.port.out.StoreUnavailableException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class MailOutboxWorkerTest {

    private static final DeliveryReport NOTHING_DUE = new DeliveryReport(0, 0, 0);
    private static final DeliveryReport ONE_SENT = new DeliveryReport(1, 0, 0);
    private static final DeliveryReport FULL_BATCH_SENT = new DeliveryReport(64, 0, 0, true);
    private static final Duration LONG_POLL = Duration.ofSeconds(30);

    /** A use case that counts its rounds and answers each with what {@code answer} says. */
    private static final class CountingRounds implements DeliverMailUseCase {

        private final AtomicInteger rounds = new AtomicInteger();
        private final IntFunction<DeliveryReport> answer;

        CountingRounds(IntFunction<DeliveryReport> answer) {
            this.answer = answer;
        }

        @Override
        public DeliveryReport deliverDueMail() {
            return answer.apply(rounds.incrementAndGet());
        }

        int rounds() {
            return rounds.get();
        }
    }

    @Test
    void runsTheNextRoundAtOnceWhileRoundsClaimFullBatches() {
        CountingRounds delivery = new CountingRounds(round -> round <= 5 ? FULL_BATCH_SENT : NOTHING_DUE);

        try (MailOutboxWorker worker = new MailOutboxWorker(delivery, LONG_POLL)) {
            worker.start();

            Eventually.within(Duration.ofSeconds(5), "six rounds without waiting for the poll", () -> delivery.rounds() >= 6);
        }
        assertThat(delivery.rounds()).isEqualTo(6);
    }

    @Test
    void sleepsAfterARoundThatClaimedLessThanAFullBatch() throws InterruptedException {
        CountingRounds delivery = new CountingRounds(round -> ONE_SENT);

        try (MailOutboxWorker worker = new MailOutboxWorker(delivery, LONG_POLL)) {
            worker.start();
            Eventually.within(Duration.ofSeconds(5), "the first round", () -> delivery.rounds() == 1);

            Thread.sleep(200);
            assertThat(delivery.rounds()).as("everything due was in that round: no claim to find nothing").isEqualTo(1);
        }
    }

    @Test
    void aWakeUpDuringARoundSkipsTheSleepAfterIt() {
        CountDownLatch firstRoundRunning = new CountDownLatch(1);
        CountDownLatch wokenUp = new CountDownLatch(1);
        CountingRounds delivery = new CountingRounds(round -> {
            if (round == 1) {
                firstRoundRunning.countDown();
                await(wokenUp);
            }
            return ONE_SENT;
        });

        try (MailOutboxWorker worker = new MailOutboxWorker(delivery, LONG_POLL)) {
            worker.start();
            await(firstRoundRunning);
            worker.wakeUp();
            wokenUp.countDown();

            Eventually.within(Duration.ofSeconds(2), "a second round for the mail queued meanwhile", () -> delivery.rounds() == 2);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void wakeUpEndsTheSleepEarly() {
        CountingRounds delivery = new CountingRounds(round -> NOTHING_DUE);

        try (MailOutboxWorker worker = new MailOutboxWorker(delivery, LONG_POLL)) {
            worker.start();
            Eventually.within(Duration.ofSeconds(5), "the first round", () -> delivery.rounds() == 1);

            worker.wakeUp();

            Eventually.within(Duration.ofSeconds(2), "a second round long before the poll interval", () -> delivery.rounds() == 2);
        }
    }

    @Test
    void wakeUpsWithinTheGatherWindowLeadToOneRound() throws InterruptedException {
        CountingRounds delivery = new CountingRounds(round -> NOTHING_DUE);
        Duration window = Duration.ofMillis(300);

        try (MailOutboxWorker worker = new MailOutboxWorker(delivery, LONG_POLL, window)) {
            worker.start();
            Eventually.within(Duration.ofSeconds(5), "the first round", () -> delivery.rounds() == 1);

            long start = System.nanoTime();
            worker.wakeUp();
            Thread.sleep(50);
            worker.wakeUp();
            worker.wakeUp();
            Eventually.within(Duration.ofSeconds(5), "a round for the three wake-ups", () -> delivery.rounds() == 2);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(window);
            Thread.sleep(window.toMillis() * 2);
            assertThat(delivery.rounds()).as("no round for the wake-ups the gathered one answered").isEqualTo(2);
        }
    }

    @Test
    void closeEndsAGatherWindowAndNoRoundRunsAfterIt() throws InterruptedException {
        CountingRounds delivery = new CountingRounds(round -> NOTHING_DUE);
        MailOutboxWorker worker = new MailOutboxWorker(delivery, LONG_POLL, LONG_POLL);
        worker.start();
        Eventually.within(Duration.ofSeconds(5), "the first round", () -> delivery.rounds() == 1);
        worker.wakeUp();
        Thread.sleep(50);

        long start = System.nanoTime();
        worker.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(delivery.rounds()).isEqualTo(1);
        assertThat(workerThreadAlive()).isFalse();
    }

    @Test
    void refusesANegativeGatherWindow() {
        CountingRounds delivery = new CountingRounds(round -> NOTHING_DUE);

        assertThatThrownBy(() -> new MailOutboxWorker(delivery, Duration.ofMillis(100), Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsPollingAfterRoundsFail() {
        CountingRounds delivery = new CountingRounds(round -> {
            if (round <= 3) {
                throw new StoreUnavailableException("database unreachable", null);
            }
            return NOTHING_DUE;
        });

        Logger workerLog = (Logger) LoggerFactory.getLogger(MailOutboxWorker.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        workerLog.addAppender(logs);
        try (MailOutboxWorker worker = new MailOutboxWorker(delivery, Duration.ofMillis(10))) {
            worker.start();

            // Backs off 10, 20 and 40 ms after the three failures, then polls as usual.
            Eventually.within(Duration.ofSeconds(5), "rounds after the failures", () -> delivery.rounds() >= 5);
        } finally {
            workerLog.detachAppender(logs);
        }
        assertThat(logs.list).filteredOn(event -> event.getLevel() == Level.WARN)
                .hasSize(3)
                .allSatisfy(event -> {
                    assertThat(event.getFormattedMessage()).contains("StoreUnavailableException: database unreachable");
                    assertThat(event.getThrowableProxy()).isNull();
                });
    }

    @Test
    void closeReturnsPromptlyFromASleepAndNoRoundRunsAfterIt() throws InterruptedException {
        CountingRounds delivery = new CountingRounds(round -> NOTHING_DUE);
        MailOutboxWorker worker = new MailOutboxWorker(delivery, LONG_POLL);
        worker.start();
        Eventually.within(Duration.ofSeconds(5), "the first round", () -> delivery.rounds() == 1);

        long start = System.nanoTime();
        worker.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        worker.wakeUp();
        Thread.sleep(100);
        assertThat(delivery.rounds()).isEqualTo(1);
        assertThat(workerThreadAlive()).isFalse();
    }

    @Test
    void closeWaitsForTheRoundInFlight() throws InterruptedException {
        CountDownLatch roundStarted = new CountDownLatch(1);
        AtomicBoolean roundFinished = new AtomicBoolean();
        DeliverMailUseCase slowRound = () -> {
            roundStarted.countDown();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return NOTHING_DUE;
            }
            roundFinished.set(true);
            return ONE_SENT;
        };
        MailOutboxWorker worker = new MailOutboxWorker(slowRound, LONG_POLL);
        worker.start();
        assertThat(roundStarted.await(5, TimeUnit.SECONDS)).isTrue();

        worker.close();

        assertThat(roundFinished).isTrue();
        assertThat(workerThreadAlive()).isFalse();
    }

    @Test
    void closeIsIdempotentAndFineBeforeStart() {
        CountingRounds delivery = new CountingRounds(round -> NOTHING_DUE);
        MailOutboxWorker worker = new MailOutboxWorker(delivery, LONG_POLL);

        worker.close();
        worker.close();

        assertThatThrownBy(worker::start).isInstanceOf(IllegalStateException.class);
        assertThat(delivery.rounds()).isZero();
    }

    private static boolean workerThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals(MailOutboxWorker.THREAD_NAME) && thread.isAlive());
    }
}
