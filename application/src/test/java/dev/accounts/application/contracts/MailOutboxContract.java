package dev.accounts.application.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.fixtures.MutableClock;
import dev.accounts.application.port.out.MailDeliveryQueue;
import dev.accounts.application.port.out.MailOutbox;
import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.application.port.out.QueuedMail;
import dev.accounts.application.port.out.RecentMail;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.SecretToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every mail outbox promises on its three sides: {@link MailOutbox} (use cases queue mail, dated by the clock),
 * {@link MailDeliveryQueue} (delivery workers claim it) and {@link RecentMail} (limits count it).
 * <ul>
 *   <li>A queued message is due from the moment it was queued; a claim returns the due messages oldest due first,
 *       at most as many as asked for, each as queued, with its attempt counted.</li>
 *   <li>A claimed message is leased: no claim gets it again until the lease has run out, and then one does, as its
 *       next attempt. Concurrent claimers never get the same message.</li>
 *   <li>{@code retryLater} releases the lease and makes the message due at the time given, not before;
 *       {@code markSent} and {@code markDead} end it for good, and a late worker marking a finished message again
 *       does not bring it back.</li>
 *   <li>{@code countQueuedSince} counts the messages of the templates asked for queued for an address ignoring case at
 *       or after a time, whatever became of them since.</li>
 * </ul>
 *
 * <p>A subclass gives an outbox, empty at the start of each test, that dates what it queues by the clock it is given.
 * Times in this contract have microsecond precision, the finest PostgreSQL keeps.
 */
public abstract class MailOutboxContract {

    private static final Instant T0 = Instant.parse("2026-05-01T12:00:00.123456Z");
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final Duration MICROSECOND = Duration.ofNanos(1_000);
    private static final int BATCH = 10;

    /**
     * The three ports an outbox implements, as the use cases, the delivery worker and the mail limits see it. Usually
     * one object: {@link #of}.
     */
    public record Sides(MailOutbox outbox, MailDeliveryQueue queue, RecentMail recentMail) {

        public Sides {
            Objects.requireNonNull(outbox, "outbox");
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(recentMail, "recentMail");
        }

        public static <T extends MailOutbox & MailDeliveryQueue & RecentMail> Sides of(T outbox) {
            return new Sides(outbox, outbox, outbox);
        }
    }

    private final MutableClock clock = new MutableClock(T0);
    private Sides sides;

    /** An outbox, empty at the start of each test, that dates the messages it queues by {@code clock}. */
    protected abstract Sides outbox(Clock clock);

    @BeforeEach
    void createOutbox() {
        sides = outbox(clock);
    }

    @Test
    void claimsAQueuedMessageAsQueuedWithItsFirstAttempt() {
        OutgoingMail mail = welcome("o'Brien \"quoted\" ünïcode", "obrien@example.org");
        sides.outbox().enqueue(mail);

        List<QueuedMail> claimed = claim(T0);

        assertThat(claimed).singleElement().satisfies(queued -> {
            assertThat(queued.mail()).isEqualTo(mail);
            assertThat(queued.mail().recipient().value()).isEqualTo("obrien@example.org");
            assertThat(queued.attempt()).isOne();
        });
    }

    @Test
    void claimsNothingBeforeTheMessageWasQueued() {
        sides.outbox().enqueue(welcome("ivan", "ivan@example.org"));

        assertThat(claim(T0.minus(MICROSECOND))).isEmpty();
        assertThat(claim(T0)).hasSize(1);
    }

    @Test
    void claimsTheOldestDueMessagesFirstAndNoMoreThanTheLimit() {
        enqueueAt(T0.plusSeconds(3), welcome("third", "third@example.org"));
        enqueueAt(T0.plusSeconds(1), welcome("first", "first@example.org"));
        enqueueAt(T0.plusSeconds(2), welcome("second", "second@example.org"));

        List<QueuedMail> claimed = sides.queue().claimDue(T0.plusSeconds(10), LEASE, 2);

        assertThat(usernames(claimed)).containsExactly("first", "second");
        assertThat(usernames(claim(T0.plusSeconds(10)))).containsExactly("third");
    }

    @Test
    void ordersARetriedMessageByTheTimeItIsDueAgain() {
        enqueueAt(T0, welcome("retried", "retried@example.org"));
        QueuedMail retried = claim(T0).getFirst();
        sides.queue().retryLater(retried.id(), T0.plusSeconds(30), "421 try again");
        enqueueAt(T0.plusSeconds(10), welcome("earlier", "earlier@example.org"));
        enqueueAt(T0.plusSeconds(40), welcome("later", "later@example.org"));

        assertThat(usernames(claim(T0.plusSeconds(60)))).containsExactly("earlier", "retried", "later");
    }

    @Test
    void doesNotClaimALeasedMessageAgainUntilItsLeaseHasRunOut() {
        sides.outbox().enqueue(welcome("judy", "judy@example.org"));
        QueuedMail first = claim(T0).getFirst();

        assertThat(claim(T0.plusSeconds(1))).isEmpty();
        assertThat(claim(T0.plus(LEASE).minus(MICROSECOND))).isEmpty();

        assertThat(claim(T0.plus(LEASE).plusMillis(1))).singleElement().satisfies(again -> {
            assertThat(again.id()).isEqualTo(first.id());
            assertThat(again.mail()).isEqualTo(first.mail());
            assertThat(again.attempt()).isEqualTo(2);
        });
    }

    @Test
    void makesAMessagePutBackForLaterDueAtThatTimeOnly() {
        OutgoingMail mail = withToken(MailTemplate.EMAIL_VERIFICATION, "mallory", "mallory@example.org");
        sides.outbox().enqueue(mail);
        QueuedMail claimed = claim(T0).getFirst();
        Instant later = T0.plusSeconds(30);

        sides.queue().retryLater(claimed.id(), later, "421 try again");

        assertThat(claim(later.minus(MICROSECOND))).isEmpty();
        assertThat(claim(later)).singleElement().satisfies(again -> {
            assertThat(again.id()).isEqualTo(claimed.id());
            assertThat(again.mail()).as("token and all").isEqualTo(mail);
            assertThat(again.attempt()).isEqualTo(2);
        });
    }

    @Test
    void releasesTheLeaseOfAMessagePutBackForLater() {
        sides.outbox().enqueue(welcome("nadia", "nadia@example.org"));
        QueuedMail claimed = claim(T0).getFirst();

        sides.queue().retryLater(claimed.id(), T0.plusSeconds(1), "421 try again");

        assertThat(claim(T0.plusSeconds(1))).as("due again long before the lease would end")
                .extracting(QueuedMail::id).containsExactly(claimed.id());
    }

    @Test
    void neverClaimsASentMessageAgain() {
        sides.outbox().enqueue(welcome("niaj", "niaj@example.org"));
        QueuedMail claimed = claim(T0).getFirst();

        sides.queue().markSent(claimed.id(), T0.plusSeconds(2));

        assertThat(claim(T0.plus(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    void neverClaimsADeadMessageAgain() {
        sides.outbox().enqueue(welcome("olivia", "olivia@example.org"));
        QueuedMail claimed = claim(T0).getFirst();

        sides.queue().markDead(claimed.id(), "550 no such user");

        assertThat(claim(T0.plus(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    void keepsASentMessageFinishedWhenALateWorkerPutsItBack() {
        sides.outbox().enqueue(welcome("peggy", "peggy@example.org"));
        QueuedMail claimed = claim(T0).getFirst();
        sides.queue().markSent(claimed.id(), T0);

        sides.queue().retryLater(claimed.id(), T0, "too late");

        assertThat(claim(T0.plus(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    void keepsADeadMessageFinishedWhenALateWorkerPutsItBack() {
        sides.outbox().enqueue(welcome("quinn", "quinn@example.org"));
        QueuedMail claimed = claim(T0).getFirst();
        sides.queue().markDead(claimed.id(), "550 no such user");

        sides.queue().retryLater(claimed.id(), T0, "too late");

        assertThat(claim(T0.plus(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    void neverGivesOneMessageToTwoConcurrentClaimers() throws InterruptedException {
        int messages = 100;
        for (int i = 0; i < messages; i++) {
            sides.outbox().enqueue(welcome("user" + i, "user" + i + "@example.org"));
        }
        Instant now = T0.plusSeconds(1);

        List<Concurrently.Outcome<List<UUID>>> workers = Concurrently.run(4, worker -> () -> {
            List<UUID> ids = new ArrayList<>();
            for (List<QueuedMail> batch = claim(now); !batch.isEmpty(); batch = claim(now)) {
                batch.forEach(queued -> {
                    assertThat(queued.attempt()).isOne();
                    ids.add(queued.id());
                });
            }
            return ids;
        });

        assertThat(workers).allSatisfy(worker -> assertThat(worker.failure()).isNull());
        assertThat(workers.stream().flatMap(worker -> worker.value().stream()).toList())
                .hasSize(messages).doesNotHaveDuplicates();
    }

    @Test
    void countsRecentMailToARecipientIgnoringCase() {
        sides.outbox().enqueue(withToken(MailTemplate.PASSWORD_RESET, "wendy", "Wendy@Example.org"));
        sides.outbox().enqueue(withToken(MailTemplate.PASSWORD_RESET, "wendy", "wendy@example.org"));
        sides.outbox().enqueue(withToken(MailTemplate.PASSWORD_RESET, "walt", "walt@example.org"));

        assertThat(count("WENDY@example.ORG", Set.of(MailTemplate.PASSWORD_RESET), T0)).isEqualTo(2);
        assertThat(count("nobody@example.org", Set.of(MailTemplate.PASSWORD_RESET), T0)).isZero();
    }

    @Test
    void countsOnlyRecentMailOfTheTemplatesAskedFor() {
        sides.outbox().enqueue(withToken(MailTemplate.PASSWORD_RESET, "xena", "xena@example.org"));
        sides.outbox().enqueue(withToken(MailTemplate.EMAIL_VERIFICATION, "xena", "xena@example.org"));
        sides.outbox().enqueue(OutgoingMail.accountExistsNotice(new EmailAddress("xena@example.org")));

        assertThat(count("xena@example.org", Set.of(MailTemplate.PASSWORD_RESET), T0)).isEqualTo(1);
        assertThat(count("xena@example.org", Set.of(MailTemplate.PASSWORD_RESET, MailTemplate.EMAIL_VERIFICATION), T0))
                .isEqualTo(2);
        assertThat(count("xena@example.org", Set.of(MailTemplate.values()), T0)).isEqualTo(3);
        assertThat(count("xena@example.org", Set.of(), T0)).isZero();
    }

    @Test
    void countsMailQueuedAtOrAfterTheGivenTimeWhateverBecameOfIt() {
        enqueueAt(T0, withToken(MailTemplate.PASSWORD_RESET, "yuri", "yuri@example.org"));
        enqueueAt(T0.plusSeconds(60), withToken(MailTemplate.PASSWORD_RESET, "yuri", "yuri@example.org"));
        enqueueAt(T0.plusSeconds(120), withToken(MailTemplate.PASSWORD_RESET, "yuri", "yuri@example.org"));
        List<QueuedMail> claimed = claim(T0.plusSeconds(120));
        sides.queue().markSent(claimed.get(0).id(), T0.plusSeconds(121));
        sides.queue().markDead(claimed.get(1).id(), "550 no such user");
        sides.queue().retryLater(claimed.get(2).id(), T0.plusSeconds(200), "421 try again");
        Set<MailTemplate> resets = Set.of(MailTemplate.PASSWORD_RESET);

        assertThat(count("yuri@example.org", resets, T0)).isEqualTo(3);
        assertThat(count("yuri@example.org", resets, T0.plusSeconds(60))).isEqualTo(2);
        assertThat(count("yuri@example.org", resets, T0.plusSeconds(60).plus(MICROSECOND))).isEqualTo(1);
        assertThat(count("yuri@example.org", resets, T0.plusSeconds(120).plus(MICROSECOND))).isZero();
    }

    private List<QueuedMail> claim(Instant now) {
        return sides.queue().claimDue(now, LEASE, BATCH);
    }

    private int count(String recipient, Set<MailTemplate> templates, Instant since) {
        return sides.recentMail().countQueuedSince(new EmailAddress(recipient), templates, since);
    }

    private void enqueueAt(Instant now, OutgoingMail mail) {
        clock.set(now);
        sides.outbox().enqueue(mail);
    }

    private static List<String> usernames(List<QueuedMail> claimed) {
        return claimed.stream().map(queued -> queued.mail().parameters().get(MailTemplate.USERNAME)).toList();
    }

    private static OutgoingMail welcome(String username, String recipient) {
        return withToken(MailTemplate.WELCOME, username, recipient);
    }

    private static OutgoingMail withToken(MailTemplate template, String username, String recipient) {
        return new OutgoingMail(template, new EmailAddress(recipient),
                Map.of(MailTemplate.USERNAME, username, MailTemplate.TOKEN, SecretToken.generate().reveal()));
    }
}
