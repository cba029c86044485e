package dev.accounts.application.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.contracts.Concurrently.Outcome;
import dev.accounts.application.fixtures.MutableClock;
import dev.accounts.application.port.out.DeadLetter;
import dev.accounts.application.port.out.DeadLetterKey;
import dev.accounts.application.port.out.DeadLetters;
import dev.accounts.application.port.out.MailDeliveryQueue;
import dev.accounts.application.port.out.MailOutbox;
import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.application.port.out.QueuedMail;
import dev.accounts.domain.user.EmailAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DeadLetters} promises, over the outbox whose dead messages it shows:
 * <ul>
 *   <li>it lists the dead messages only (never a pending or sent one), each with its recipient and template as queued,
 *       its attempts, its last error, when it was queued and when it died (by the clock of the outbox that killed it);
 *       in {@link DeadLetterKey} order, after the key given, no more than the limit;</li>
 *   <li>it finds a dead message by id, and nothing for any other id;</li>
 *   <li>{@code requeue} makes a dead message pending again: due at the time given and not before, with its first
 *       attempt next, no longer dead; it returns false and changes nothing for a pending, sent or unknown message; of
 *       concurrent requeues of one message exactly one succeeds.</li>
 * </ul>
 *
 * <p>A subclass gives the three sides over one store, empty at the start of each test, whose outbox dates what it
 * queues and kills by the clock it is given. Times in this contract have microsecond precision, the finest PostgreSQL keeps.
 */
public abstract class DeadLettersContract {

    private static final Instant T0 = Instant.parse("2026-07-01T06:30:00.123456Z");
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final Duration MICROSECOND = Duration.ofNanos(1_000);

    /** The outbox that queues the messages, the queue that kills them, and the dead letters under test: one store. */
    public record Store(MailOutbox outbox, MailDeliveryQueue queue, DeadLetters deadLetters) {

        public Store {
            Objects.requireNonNull(outbox, "outbox");
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(deadLetters, "deadLetters");
        }
    }

    private final MutableClock clock = new MutableClock(T0);
    private Store store;

    /** One store, empty at the start of each test, whose outbox dates what it queues and kills by {@code clock}. */
    protected abstract Store store(Clock clock);

    @BeforeEach
    void createStore() {
        store = store(clock);
    }

    @Test
    void showsADeadMessageWithItsRecipientTemplateAttemptsLastErrorAndTimes() {
        queueAt(T0, notice("Hana@Example.org"));
        UUID id = claimAt(T0).getFirst().id();
        store.queue().retryLater(id, T0.plusSeconds(5), "421 try again");
        claimAt(T0.plusSeconds(5));
        clock.set(T0.plusSeconds(6));
        store.queue().markDead(id, "550 5.1.1 no such user");

        assertThat(store.deadLetters().list(null, 10)).singleElement().satisfies(dead -> {
            assertThat(dead.id()).isEqualTo(id);
            assertThat(dead.recipient()).isEqualTo("Hana@Example.org");
            assertThat(dead.template()).isEqualTo(MailTemplate.PASSWORD_CHANGED_NOTICE.name());
            assertThat(dead.attempts()).isEqualTo(2);
            assertThat(dead.lastError()).isEqualTo("550 5.1.1 no such user");
            assertThat(dead.createdAt()).isEqualTo(T0);
            assertThat(dead.diedAt()).as("by the outbox's clock").isEqualTo(T0.plusSeconds(6));
        });
        assertThat(store.deadLetters().find(id)).hasValueSatisfying(found ->
                assertThat(found).isEqualTo(store.deadLetters().list(null, 10).getFirst()));
    }

    @Test
    void listsOnlyDeadMessages() {
        UUID dead = killAt(T0, notice("dead@example.org"));
        queueAt(T0.plusSeconds(1), notice("sent@example.org"));
        queueAt(T0.plusSeconds(2), notice("pending@example.org"));
        QueuedMail sent = claimAt(T0.plusSeconds(1)).getFirst();
        store.queue().markSent(sent.id(), T0.plusSeconds(1));

        assertThat(store.deadLetters().list(null, 10)).extracting(DeadLetter::id).containsExactly(dead);
        assertThat(store.deadLetters().find(sent.id())).isEmpty();
    }

    @Test
    void listsDeadMessagesInTheOrderTheyWereQueuedWhateverTheOrderTheyDied() {
        UUID second = queueAndClaim(T0.plusSeconds(2), notice("second@example.org"));
        UUID first = queueAndClaim(T0.plusSeconds(1), notice("first@example.org"));
        UUID third = queueAndClaim(T0.plusSeconds(3), notice("third@example.org"));
        store.queue().markDead(third, "550");
        store.queue().markDead(first, "550");
        store.queue().markDead(second, "550");

        assertThat(store.deadLetters().list(null, 10)).extracting(DeadLetter::id).containsExactly(first, second, third);
    }

    @Test
    void ordersMessagesQueuedInTheSameMicrosecondByKeyAndPagesThroughThemOnce() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            queueAt(T0, notice("same" + i + "@example.org"));
        }
        claimAt(T0).forEach(queued -> {
            store.queue().markDead(queued.id(), "550");
            ids.add(queued.id());
        });

        List<DeadLetter> all = store.deadLetters().list(null, 10);
        assertThat(all).extracting(DeadLetter::id).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(all).extracting(DeadLetter::key).isSorted();

        List<UUID> paged = new ArrayList<>();
        DeadLetterKey after = null;
        for (int page = 0; page < 10; page++) {
            List<DeadLetter> found = store.deadLetters().list(after, 3);
            if (found.isEmpty()) {
                break;
            }
            assertThat(found).hasSizeLessThanOrEqualTo(3);
            found.forEach(letter -> paged.add(letter.id()));
            after = found.getLast().key();
        }
        assertThat(paged).containsExactlyElementsOf(all.stream().map(DeadLetter::id).toList());
    }

    @Test
    void listsOnlyMessagesAfterTheKeyGivenAndNoMoreThanTheLimit() {
        UUID first = killAt(T0.plusSeconds(1), notice("one@example.org"));
        UUID second = killAt(T0.plusSeconds(2), notice("two@example.org"));
        UUID third = killAt(T0.plusSeconds(3), notice("three@example.org"));
        DeadLetterKey afterFirst = store.deadLetters().find(first).orElseThrow().key();

        assertThat(store.deadLetters().list(null, 2)).extracting(DeadLetter::id).containsExactly(first, second);
        assertThat(store.deadLetters().list(afterFirst, 10)).extracting(DeadLetter::id).containsExactly(second, third);
        assertThat(store.deadLetters().list(new DeadLetterKey(T0.plusSeconds(2).minus(MICROSECOND), first), 10))
                .as("after a key no message has").extracting(DeadLetter::id).containsExactly(second, third);
        assertThat(store.deadLetters().list(store.deadLetters().find(third).orElseThrow().key(), 10)).isEmpty();
    }

    @Test
    void findsNothingForAnUnknownPendingOrSentMessage() {
        queueAt(T0, notice("pending@example.org"));
        UUID pending = claimAt(T0).getFirst().id();
        store.queue().retryLater(pending, T0.plus(Duration.ofHours(1)), "421");
        UUID sent = queueAndClaim(T0.plusSeconds(2), notice("sent@example.org"));
        store.queue().markSent(sent, T0.plusSeconds(2));

        assertThat(store.deadLetters().find(UUID.randomUUID())).isEmpty();
        assertThat(store.deadLetters().find(pending)).isEmpty();
        assertThat(store.deadLetters().find(sent)).isEmpty();
        assertThat(store.deadLetters().list(null, 10)).isEmpty();
    }

    @Test
    void requeueMakesADeadMessageDueAtTheTimeGivenAsItsFirstAttempt() {
        OutgoingMail mail = notice("ivy@example.org");
        UUID id = killAt(T0, mail);
        Instant requeuedAt = T0.plusSeconds(60);

        assertThat(store.deadLetters().requeue(id, requeuedAt)).isTrue();

        assertThat(store.deadLetters().find(id)).isEmpty();
        assertThat(store.deadLetters().list(null, 10)).isEmpty();
        assertThat(claimAt(requeuedAt.minus(MICROSECOND))).as("not due before the time given").isEmpty();
        assertThat(claimAt(requeuedAt)).singleElement().satisfies(again -> {
            assertThat(again.id()).isEqualTo(id);
            assertThat(again.mail()).isEqualTo(mail);
            assertThat(again.attempt()).as("attempts start again").isOne();
        });
    }

    @Test
    void aRequeuedMessageThatDiesAgainIsListedAgain() {
        UUID id = killAt(T0, notice("jack@example.org"));
        store.deadLetters().requeue(id, T0.plusSeconds(10));
        claimAt(T0.plusSeconds(10));
        store.queue().markDead(id, "550 still no such user");

        assertThat(store.deadLetters().find(id)).hasValueSatisfying(dead -> {
            assertThat(dead.attempts()).isOne();
            assertThat(dead.lastError()).isEqualTo("550 still no such user");
        });
    }

    @Test
    void requeueChangesNothingForAnUnknownPendingOrSentMessage() {
        UUID sent = queueAndClaim(T0, notice("sent@example.org"));
        store.queue().markSent(sent, T0);
        queueAt(T0, notice("pending@example.org"));

        assertThat(store.deadLetters().requeue(UUID.randomUUID(), T0)).isFalse();
        assertThat(store.deadLetters().requeue(sent, T0)).isFalse();
        assertThat(claimAt(T0.plus(Duration.ofDays(1)))).as("only the pending one, never the sent one")
                .extracting(queued -> queued.mail().recipient().value()).containsExactly("pending@example.org");
    }

    @Test
    void requeueOfAPendingMessageReturnsFalseAndLeavesItsLeaseAndAttempts() {
        UUID leased = queueAndClaim(T0, notice("kim@example.org"));

        assertThat(store.deadLetters().requeue(leased, T0)).isFalse();

        assertThat(claimAt(T0.plusSeconds(1))).as("still leased").isEmpty();
        assertThat(claimAt(T0.plus(LEASE).plusSeconds(1))).singleElement()
                .satisfies(again -> assertThat(again.attempt()).isEqualTo(2));
    }

    @Test
    void ofConcurrentRequeuesOfOneMessageExactlyOneSucceeds() throws InterruptedException {
        UUID id = killAt(T0, notice("lee@example.org"));

        List<Outcome<Boolean>> outcomes = Concurrently.run(8, i -> () -> store.deadLetters().requeue(id, T0.plusSeconds(1)));

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.failure()).isNull());
        assertThat(outcomes).filteredOn(outcome -> outcome.value()).hasSize(1);
        assertThat(claimAt(T0.plusSeconds(1))).extracting(QueuedMail::id).containsExactly(id);
    }

    private UUID killAt(Instant at, OutgoingMail mail) {
        UUID id = queueAndClaim(at, mail);
        store.queue().markDead(id, "550 no such user");
        return id;
    }

    private UUID queueAndClaim(Instant at, OutgoingMail mail) {
        queueAt(at, mail);
        List<QueuedMail> claimed = claimAt(at);
        assertThat(claimed).as("the message just queued is the only one due").hasSize(1);
        return claimed.getFirst().id();
    }

    private void queueAt(Instant at, OutgoingMail mail) {
        clock.set(at);
        store.outbox().enqueue(mail);
    }

    private List<QueuedMail> claimAt(Instant now) {
        return store.queue().claimDue(now, LEASE, 100);
    }

    private static OutgoingMail notice(String recipient) {
        return new OutgoingMail(MailTemplate.PASSWORD_CHANGED_NOTICE, new EmailAddress(recipient),
                Map.of(MailTemplate.USERNAME, "someone"));
    }
}
