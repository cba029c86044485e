package dev.accounts.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD;

import dev.accounts.adapter.out.inmemory.InMemoryMailOutbox;
import dev.accounts.adapter.out.inmemory.InMemoryMailOutbox.Entry;
import dev.accounts.adapter.out.inmemory.InMemoryMailOutbox.Status;
import dev.accounts.adapter.out.inmemory.InMemoryStore;
import dev.accounts.application.fixtures.MutableClock;
import dev.accounts.application.fixtures.Users;
import dev.accounts.application.port.in.DeliverMailUseCase.DeliveryReport;
import dev.accounts.application.port.out.AcceptanceGate;
import dev.accounts.application.port.out.MailDeliveryException;
import dev.accounts.application.port.out.MailSender;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.application.port.out.QueuedMail;
import dev.accounts.domain.user.SecretToken;
import dev.accounts.application.port.out.MailDeliveryQueue;
import dev.accounts.application.port.out.StoreUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Lanes wait for the acceptance gate without heeding interruption, so a test that a broken gate would block times
 * out on a thread of its own: it fails instead of hanging the build.
 */
class MailDeliveryServiceTest {

    private static final Duration LEASE = Duration.ofMinutes(1);
    private final MutableClock clock = MutableClock.startingAt("2026-11-21T10:00:00Z");
    private final InMemoryMailOutbox outbox = new InMemoryStore(clock).outbox();
    private final ScriptedSender sender = new ScriptedSender();
    private final RetryPolicy retryPolicy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(8), 3);
    private final MailDeliveryService service =
            new MailDeliveryService(outbox, sender, retryPolicy, clock, LEASE, 10, new SplittableRandom(7));
    private final ExecutorService lanes = Executors.newFixedThreadPool(3);

    @AfterEach
    void stopLanes() throws InterruptedException {
        lanes.shutdownNow();
        assertThat(lanes.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    /** Four lanes: the three threads of {@link #lanes} and the caller's. */
    private MailDeliveryService parallel(MailDeliveryQueue queue, MailSender sender, int batchSize) {
        return new MailDeliveryService(queue, sender, retryPolicy, clock, LEASE, batchSize, new SplittableRandom(7), lanes, 4);
    }

    @Test
    void sendsDueMailAndMarksItSent() {
        outbox.enqueue(welcome("alice"));

        assertThat(service.deliverDueMail()).isEqualTo(new DeliveryReport(1, 0, 0));
        assertThat(sender.sent).extracting(q -> q.mail().parameters().get("username")).containsExactly("alice");
        assertThat(only().status()).isEqualTo(Status.SENT);
        assertThat(service.deliverDueMail().attempted()).isZero();
    }

    @Test
    void retriesATransientFailureLaterKeepingTheError() {
        outbox.enqueue(welcome("alice"));
        sender.failNext(MailDeliveryException.transientFailure("451 4.3.0 try again later", null));

        assertThat(service.deliverDueMail()).isEqualTo(new DeliveryReport(0, 1, 0));
        Entry entry = only();
        assertThat(entry.status()).isEqualTo(Status.PENDING);
        assertThat(entry.lastError()).isEqualTo("451 4.3.0 try again later");
        assertThat(entry.nextAttemptAt()).isBetween(clock.instant(), clock.instant().plusSeconds(1));

        clock.advance(Duration.ofSeconds(2));
        assertThat(service.deliverDueMail()).isEqualTo(new DeliveryReport(1, 0, 0));
        assertThat(sender.sent).singleElement().extracting(QueuedMail::attempt).isEqualTo(2);
    }

    @Test
    void givesUpAtOnceOnAPermanentFailure() {
        outbox.enqueue(welcome("alice"));
        outbox.enqueue(welcome("bob"));
        sender.failNext(MailDeliveryException.permanentFailure("550 5.1.1 no such user", null));

        assertThat(service.deliverDueMail()).isEqualTo(new DeliveryReport(1, 0, 1));
        assertThat(outbox.entries()).extracting(Entry::status).containsExactly(Status.DEAD, Status.SENT);
        assertThat(outbox.entries().get(0).lastError()).isEqualTo("550 5.1.1 no such user");
    }

    @Test
    void marksMailDeadAfterTheLastAttemptWithTheLastError() {
        outbox.enqueue(welcome("alice"));
        for (int attempt = 1; attempt <= 3; attempt++) {
            sender.failNext(MailDeliveryException.transientFailure("421 busy, attempt " + attempt, null));
            service.deliverDueMail();
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(only().status()).isEqualTo(Status.DEAD);
        assertThat(only().attempts()).isEqualTo(3);
        assertThat(only().lastError()).isEqualTo("421 busy, attempt 3");
    }

    @Test
    void treatsAnUnexpectedExceptionAsTransient() {
        outbox.enqueue(welcome("alice"));
        sender.onNext(mail -> {
            throw new IllegalStateException("connection pool closed");
        });

        assertThat(service.deliverDueMail()).isEqualTo(new DeliveryReport(0, 1, 0));
        assertThat(only().lastError()).isEqualTo("IllegalStateException: connection pool closed");
    }

    @Test
    void aClaimedMessageIsNotClaimedAgainUntilItsLeaseRunsOut() {
        outbox.enqueue(welcome("alice"));
        // A worker that claimed and then died: nothing recorded the outcome.
        outbox.claimDue(clock.instant(), LEASE, 10);

        assertThat(service.deliverDueMail().attempted()).isZero();
        clock.advance(LEASE.plusSeconds(1));
        assertThat(service.deliverDueMail()).isEqualTo(new DeliveryReport(1, 0, 0));
    }

    @Test
    void saysWhetherTheRoundClaimedAFullBatchSoThatMoreMayBeDue() {
        for (int i = 0; i < 13; i++) {
            outbox.enqueue(welcome("user" + i));
        }

        assertThat(service.deliverDueMail()).isEqualTo(new DeliveryReport(10, 0, 0, true));
        assertThat(service.deliverDueMail()).isEqualTo(new DeliveryReport(3, 0, 0, false));
    }

    @Test
    @Timeout(value = 30, threadMode = SEPARATE_THREAD)
    void sendsABatchInParallelUpToTheBoundAndRecordsEveryOutcomeBeforeReturning() {
        for (int i = 0; i < 12; i++) {
            outbox.enqueue(welcome("user" + i));
        }
        ConcurrencyMeter meter = new ConcurrencyMeter(4);

        DeliveryReport report = parallel(outbox, meter, 12).deliverDueMail();

        assertThat(report).isEqualTo(new DeliveryReport(12, 0, 0, true));
        assertThat(meter.mostAtOnce()).isEqualTo(4);
        assertThat(meter.threads()).hasSize(4);
        assertThat(outbox.entries()).extracting(Entry::status).containsOnly(Status.SENT);
        assertThat(meter.sent()).extracting(QueuedMail::id).doesNotHaveDuplicates().hasSize(12);
    }

    @Test
    @Timeout(value = 30, threadMode = SEPARATE_THREAD)
    void sendsASmallRoundOfQuickSendsFromTheCallingThreadAlone() {
        LaneCount paced = new LaneCount(4);
        for (int i = 0; i < 64; i++) {
            paced.sent(Duration.ofMillis(1).toNanos()); // a nearby server: about a millisecond a message
        }
        for (int i = 0; i < 4; i++) {
            outbox.enqueue(welcome("user" + i));
        }
        Set<String> threads = ConcurrentHashMap.newKeySet();
        MailSender quick = (mail, gate) -> {
            threads.add(Thread.currentThread().getName());
            gate.enter();
        };
        AtomicInteger lanesStarted = new AtomicInteger();
        Executor countingLanes = lane -> {
            lanesStarted.incrementAndGet();
            lanes.execute(lane);
        };
        MailDeliveryService delivery = new MailDeliveryService(outbox, quick, retryPolicy, clock, LEASE, 64,
                new SplittableRandom(7), countingLanes, paced);

        assertThat(delivery.deliverDueMail()).isEqualTo(new DeliveryReport(4, 0, 0));
        assertThat(lanesStarted).hasValue(0);
        assertThat(threads).containsExactly(Thread.currentThread().getName());
        assertThat(outbox.entries()).extracting(Entry::status).containsOnly(Status.SENT);
    }

    @Test
    @Timeout(value = 30, threadMode = SEPARATE_THREAD)
    void aFailingSendDoesNotAffectTheOthersInItsRound() {
        for (String name : List.of("alice", "bob", "carol", "dave", "erin", "frank")) {
            outbox.enqueue(welcome(name));
        }
        MailSender sender = (mail, gate) -> {
            switch (mail.mail().parameters().get("username")) {
                case "bob" -> throw MailDeliveryException.permanentFailure("550 5.1.1 no such user", null);
                case "carol" -> throw MailDeliveryException.transientFailure("451 4.3.0 try again later", null);
                case "dave" -> throw new IllegalStateException("connection reset");
                default -> gate.enter();
            }
        };

        DeliveryReport report = parallel(outbox, sender, 10).deliverDueMail();

        assertThat(report).isEqualTo(new DeliveryReport(3, 2, 1));
        assertThat(outbox.entries()).extracting(entry -> entry.mail().parameters().get("username"), Entry::status, Entry::lastError)
                .containsExactly(
                        tuple("alice", Status.SENT, null),
                        tuple("bob", Status.DEAD, "550 5.1.1 no such user"),
                        tuple("carol", Status.PENDING, "451 4.3.0 try again later"),
                        tuple("dave", Status.PENDING, "IllegalStateException: connection reset"),
                        tuple("erin", Status.SENT, null),
                        tuple("frank", Status.SENT, null));
    }

    @Test
    @Timeout(value = 30, threadMode = SEPARATE_THREAD)
    void anInterruptedRoundStillWaitsForEverySendItStartedAndRecordsIt() throws Exception {
        for (int i = 0; i < 4; i++) {
            outbox.enqueue(welcome("user" + i));
        }
        CountDownLatch allStarted = new CountDownLatch(4);
        CountDownLatch release = new CountDownLatch(1);
        MailSender slow = (mail, gate) -> {
            allStarted.countDown();
            awaitUninterruptibly(release);
            gate.enter(); // the interrupted lane waits its turn here too
        };
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            Future<DeliveryReport> round = worker.submit(() -> parallel(outbox, slow, 4).deliverDueMail());
            assertThat(allStarted.await(10, TimeUnit.SECONDS)).isTrue();

            worker.shutdownNow(); // interrupts the round's own thread, as a worker that gives up waiting would
            Thread.sleep(100);
            assertThat(round).isNotDone();
            release.countDown();

            assertThat(round.get(10, TimeUnit.SECONDS)).isEqualTo(new DeliveryReport(4, 0, 0, true));
            assertThat(outbox.entries()).extracting(Entry::status).containsOnly(Status.SENT);
        } finally {
            release.countDown();
            worker.shutdownNow();
        }
    }

    @Test
    void startsNoSendOnceHalfTheLeaseHasPassedAndPutsTheRestBackAsAFailedAttempt() {
        for (String name : List.of("alice", "bob", "carol")) {
            outbox.enqueue(welcome(name));
        }
        sender.onNext(mail -> clock.advance(LEASE.dividedBy(2).plusSeconds(1)));

        assertThat(service.deliverDueMail()).isEqualTo(new DeliveryReport(1, 2, 0));
        assertThat(sender.sent).extracting(q -> q.mail().parameters().get("username")).containsExactly("alice");
        assertThat(outbox.entries()).extracting(Entry::status).containsExactly(Status.SENT, Status.PENDING, Status.PENDING);
        assertThat(outbox.entries().get(1).lastError()).isEqualTo(MailDeliveryService.NOT_STARTED);
        assertThat(outbox.entries().get(1).lockedUntil()).isNull();
        assertThat(outbox.entries().get(1).nextAttemptAt()).isBetween(clock.instant(), clock.instant().plusSeconds(1));
    }

    @Test
    @Timeout(value = 30, threadMode = SEPARATE_THREAD)
    void stopsSendingOnceAnOutcomeCannotBeRecordedAndFailsTheRound() {
        for (int i = 0; i < 8; i++) {
            outbox.enqueue(welcome("user" + i));
        }
        FailingToRecord store = new FailingToRecord(outbox);

        assertThatThrownBy(() -> parallel(store, sender, 8).deliverDueMail()).isInstanceOf(StoreUnavailableException.class);

        // One message is delivered and cannot be recorded: it stays leased, to be sent again after the lease. Of the
        // rest, a lane that reached the gate before the round halted puts its message back as halted; any other
        // message stays leased. Which lanes got that far is up to the scheduler.
        assertThat(sender.sent).hasSize(1);
        UUID unrecorded = sender.sent.getFirst().id();
        assertThat(outbox.entries()).extracting(Entry::status).containsOnly(Status.PENDING);
        assertThat(outbox.entries()).filteredOn(entry -> entry.id().equals(unrecorded))
                .singleElement().satisfies(entry -> assertThat(entry.lockedUntil()).isNotNull());
        assertThat(outbox.entries()).filteredOn(entry -> !entry.id().equals(unrecorded)).hasSize(7)
                .allSatisfy(entry -> assertThat(entry.lockedUntil() != null
                        ? entry.lastError() == null
                        : AcceptanceTurn.HALTED.equals(entry.lastError())).isTrue());
    }

    @Test
    void sendsEverythingInTheCallingThreadWhenTheExecutorRefusesLanes() {
        for (int i = 0; i < 5; i++) {
            outbox.enqueue(welcome("user" + i));
        }
        ConcurrencyMeter meter = new ConcurrencyMeter(1);
        MailDeliveryService refused = new MailDeliveryService(outbox, meter, retryPolicy, clock, LEASE, 10,
                new SplittableRandom(7), task -> {
                    throw new RejectedExecutionException("shut down");
                }, 4);

        assertThat(refused.deliverDueMail()).isEqualTo(new DeliveryReport(5, 0, 0));
        assertThat(meter.threads()).containsExactly(Thread.currentThread().getName());
    }

    @Test
    @Timeout(value = 30, threadMode = SEPARATE_THREAD)
    void letsOneSendAtATimeBetweenItsTransportTakingTheMessageAndItsRecord() {
        for (int i = 0; i < 12; i++) {
            outbox.enqueue(welcome("user" + i));
        }
        AcceptanceWindow window = new AcceptanceWindow();
        CountDownLatch fourSending = new CountDownLatch(4);
        MailSender sender = (mail, gate) -> {
            fourSending.countDown();
            await(fourSending); // every lane has its message ready before any enters the gate
            gate.enter();
            window.entered(mail);
            if (mail.mail().parameters().get("username").endsWith("3")) {
                throw MailDeliveryException.transientFailure("451 4.3.0 after the final dot", null);
            }
        };

        DeliveryReport report = parallel(window.watching(outbox), sender, 12).deliverDueMail();

        assertThat(report).isEqualTo(new DeliveryReport(11, 1, 0, true));
        assertThat(window.mostInside()).isOne();
        assertThat(window.entries()).isEqualTo(12);
        assertThat(outbox.entries()).filteredOn(entry -> entry.status() == Status.SENT).hasSize(11);
    }

    @Test
    @Timeout(value = 30, threadMode = SEPARATE_THREAD)
    void aSendThatFailsBeforeTheGateNeitherHoldsItNorWidensIt() {
        for (int i = 0; i < 12; i++) {
            outbox.enqueue(welcome("user" + i));
        }
        AcceptanceWindow window = new AcceptanceWindow();
        MailSender sender = (mail, gate) -> {
            if (Integer.parseInt(mail.mail().parameters().get("username").substring(4)) % 2 == 0) {
                throw MailDeliveryException.transientFailure("421 4.4.2 connection dropped before the data", null);
            }
            gate.enter();
            window.entered(mail);
            pause(Duration.ofMillis(20)); // a slow final reply: lanes let in beside it would show
        };

        DeliveryReport report = parallel(window.watching(outbox), sender, 12).deliverDueMail();

        assertThat(report).isEqualTo(new DeliveryReport(6, 6, 0, true));
        assertThat(window.entries()).isEqualTo(6);
        assertThat(window.mostInside()).isOne();
    }

    @Test
    @Timeout(value = 30, threadMode = SEPARATE_THREAD)
    void theGateOpensAgainWhenRecordingFails() {
        outbox.enqueue(welcome("alice"));
        outbox.enqueue(welcome("bob"));
        FailingToRecord once = new FailingToRecord(outbox, 1);
        MailDeliveryService delivery = new MailDeliveryService(once, sender, retryPolicy, clock, LEASE, 1, new SplittableRandom(7));

        assertThatThrownBy(delivery::deliverDueMail).isInstanceOf(StoreUnavailableException.class);
        // A gate left closed would hold the next send forever.
        assertThat(delivery.deliverDueMail()).isEqualTo(new DeliveryReport(1, 0, 0, true));
        clock.advance(LEASE.plusSeconds(1));
        assertThat(delivery.deliverDueMail()).isEqualTo(new DeliveryReport(1, 0, 0, true));

        assertThat(sender.sent).extracting(q -> q.mail().parameters().get("username")).containsExactly("alice", "bob", "alice");
        assertThat(outbox.entries()).extracting(Entry::status).containsOnly(Status.SENT);
    }

    @Test
    @Timeout(value = 30, threadMode = SEPARATE_THREAD)
    void aRoundHaltedByAFailureToRecordLetsNoSendWaitingAtTheGateThrough() {
        for (int i = 0; i < 8; i++) {
            outbox.enqueue(welcome("user" + i));
        }
        CountDownLatch fourSending = new CountDownLatch(4);
        List<QueuedMail> delivered = Collections.synchronizedList(new ArrayList<>());
        MailSender sender = (mail, gate) -> {
            fourSending.countDown();
            await(fourSending); // the other three are at the gate, or about to be, when the first record fails
            gate.enter();
            delivered.add(mail);
        };

        assertThatThrownBy(() -> parallel(new FailingToRecord(outbox), sender, 8).deliverDueMail())
                .isInstanceOf(StoreUnavailableException.class);

        assertThat(delivered).hasSize(1);
        UUID unrecorded = delivered.getFirst().id();
        assertThat(outbox.entries()).filteredOn(entry -> entry.id().equals(unrecorded))
                .singleElement().satisfies(entry -> assertThat(entry.lockedUntil()).isNotNull());
        assertThat(outbox.entries()).filteredOn(entry -> entry.lastError() != null).hasSize(3)
                .extracting(Entry::lastError).containsOnly(AcceptanceTurn.HALTED);
    }

    @Test
    @Timeout(value = 30, threadMode = SEPARATE_THREAD)
    void aSenderThatEntersTheGateTwiceOrFromAnotherThreadFailsOnlyThatSend() {
        for (String name : List.of("alice", "bob", "carol")) {
            outbox.enqueue(welcome(name));
        }
        ExecutorService other = Executors.newSingleThreadExecutor();
        MailSender sender = (mail, gate) -> {
            switch (mail.mail().parameters().get("username")) {
                case "alice" -> {
                    gate.enter();
                    gate.enter();
                }
                case "bob" -> {
                    try {
                        other.submit(gate::enter).get();
                    } catch (ExecutionException e) {
                        throw (RuntimeException) e.getCause();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
                default -> gate.enter();
            }
        };
        try {
            assertThat(service(sender).deliverDueMail()).isEqualTo(new DeliveryReport(1, 2, 0));
        } finally {
            other.shutdownNow();
        }

        assertThat(outbox.entries()).extracting(Entry::lastError).containsExactly(
                "IllegalStateException: the acceptance gate was entered twice for one message",
                "IllegalStateException: the acceptance gate must be entered by the thread that sends the message",
                null);
    }

    private Entry only() {
        assertThat(outbox.entries()).hasSize(1);
        return outbox.entries().getFirst();
    }

    private MailDeliveryService service(MailSender sender) {
        return new MailDeliveryService(outbox, sender, retryPolicy, clock, LEASE, 10, new SplittableRandom(7));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).as("all lanes sending").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Watches the window a crash can repeat a message from: entered when the sender passes the gate, left when the
     * message's outcome is recorded, through the queue {@link #watching} returns. Notes the most sends inside at once.
     */
    private static final class AcceptanceWindow {
        private final Set<UUID> inside = ConcurrentHashMap.newKeySet();
        private final AtomicInteger most = new AtomicInteger();
        private final AtomicInteger entries = new AtomicInteger();

        void entered(QueuedMail mail) {
            entries.incrementAndGet();
            inside.add(mail.id());
            most.accumulateAndGet(inside.size(), Math::max);
            pause(Duration.ofMillis(2)); // long enough for another lane let in beside this one to be seen
        }

        private void left(UUID id) {
            inside.remove(id);
        }

        int mostInside() {
            return most.get();
        }

        int entries() {
            return entries.get();
        }

        MailDeliveryQueue watching(MailDeliveryQueue queue) {
            return new MailDeliveryQueue() {
                @Override
                public List<QueuedMail> claimDue(Instant now, Duration lease, int limit) {
                    return queue.claimDue(now, lease, limit);
                }

                @Override
                public void markSent(UUID id, Instant sentAt) {
                    queue.markSent(id, sentAt);
                    left(id);
                }

                @Override
                public void retryLater(UUID id, Instant nextAttemptAt, String lastError) {
                    queue.retryLater(id, nextAttemptAt, lastError);
                    left(id);
                }

                @Override
                public void markDead(UUID id, String lastError) {
                    queue.markDead(id, lastError);
                    left(id);
                }
            };
        }
    }

    private static OutgoingMail welcome(String username) {
        return OutgoingMail.welcome(Users.registered(username, username + "@example.com"), SecretToken.generate());
    }

    /** A sender that succeeds unless told what to do with the next message. Safe for parallel lanes. */
    private static final class ScriptedSender implements MailSender {
        final List<QueuedMail> sent = Collections.synchronizedList(new ArrayList<>());
        private final Deque<Consumer<QueuedMail>> script = new ConcurrentLinkedDeque<>();

        void failNext(MailDeliveryException failure) {
            onNext(mail -> {
                throw failure;
            });
        }

        void onNext(Consumer<QueuedMail> behaviour) {
            script.add(behaviour);
        }

        /** Runs the script first, so a scripted failure happens before the transport would take the message. */
        @Override
        public void send(QueuedMail mail, AcceptanceGate gate) {
            Consumer<QueuedMail> next = script.poll();
            if (next != null) {
                next.accept(mail);
            }
            gate.enter();
            sent.add(mail);
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A sender that holds each message until {@code expected} sends are in progress at once (or ten seconds passed),
     * noting the most seen at once and the threads that sent.
     */
    private static final class ConcurrencyMeter implements MailSender {
        private final CountDownLatch gathered;
        private final AtomicInteger inProgress = new AtomicInteger();
        private final AtomicInteger most = new AtomicInteger();
        private final Set<String> threads = ConcurrentHashMap.newKeySet();
        private final List<QueuedMail> sent = Collections.synchronizedList(new ArrayList<>());

        ConcurrencyMeter(int expected) {
            this.gathered = new CountDownLatch(expected);
        }

        @Override
        public void send(QueuedMail mail, AcceptanceGate gate) {
            int now = inProgress.incrementAndGet();
            most.accumulateAndGet(now, Math::max);
            threads.add(Thread.currentThread().getName());
            gathered.countDown();
            try {
                gathered.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inProgress.decrementAndGet();
            gate.enter();
            sent.add(mail);
        }

        int mostAtOnce() {
            return most.get();
        }

        Set<String> threads() {
            return threads;
        }

        List<QueuedMail> sent() {
            return sent;
        }
    }

    /**
     * The outbox, except that recording a sent message fails as if the database had gone away: always, or for the
     * first {@code failures} messages.
     */
    private static final class FailingToRecord implements MailDeliveryQueue {
        private final InMemoryMailOutbox outbox;
        private final AtomicInteger failuresLeft;

        FailingToRecord(InMemoryMailOutbox outbox) {
            this(outbox, Integer.MAX_VALUE);
        }

        FailingToRecord(InMemoryMailOutbox outbox, int failures) {
            this.outbox = outbox;
            this.failuresLeft = new AtomicInteger(failures);
        }

        @Override
        public List<QueuedMail> claimDue(Instant now, Duration lease, int limit) {
            return outbox.claimDue(now, lease, limit);
        }

        @Override
        public void markSent(UUID id, Instant sentAt) {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new StoreUnavailableException("database unavailable", null);
            }
            outbox.markSent(id, sentAt);
        }

        @Override
        public void retryLater(UUID id, Instant nextAttemptAt, String lastError) {
            outbox.retryLater(id, nextAttemptAt, lastError);
        }

        @Override
        public void markDead(UUID id, String lastError) {
            outbox.markDead(id, lastError);
        }
    }
}
