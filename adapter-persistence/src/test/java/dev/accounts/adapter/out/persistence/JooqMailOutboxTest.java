package dev.accounts.adapter.out.persistence;

import static dev.accounts.adapter.out.persistence.jooq.Tables.MAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.fixtures.MutableClock;
import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.application.port.out.QueuedMail;
import dev.accounts.domain.user.EmailAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedDatabase.class)
class JooqMailOutboxTest {

    private static final Instant T0 = Instant.parse("2025-05-01T12:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final DSLContext dsl;
    private final MutableClock clock = new MutableClock(T0);
    private final JooqMailOutbox outbox;

    JooqMailOutboxTest(TestDatabase database) {
        this.dsl = database.dsl();
        this.outbox = new JooqMailOutbox(dsl, clock);
    }

    @Test
    void claimsAnEnqueuedMailWithItsFirstAttemptAndItsParameters() {
        OutgoingMail mail = welcome("o'Brien \"quoted\" ünïcode", "obrien@example.org");
        outbox.enqueue(mail);

        List<QueuedMail> claimed = outbox.claimDue(T0, LEASE, 10);

        assertThat(claimed).singleElement().satisfies(queued -> {
            assertThat(queued.mail()).isEqualTo(mail);
            assertThat(queued.attempt()).isOne();
        });
    }

    @Test
    void claimsNothingBeforeTheMailIsDue() {
        outbox.enqueue(welcome("ivan", "ivan@example.org"));

        assertThat(outbox.claimDue(T0.minusMillis(1), LEASE, 10)).isEmpty();
    }

    @Test
    void doesNotClaimALeasedMailAgainUntilItsLeaseRunsOut() {
        outbox.enqueue(welcome("judy", "judy@example.org"));
        QueuedMail first = outbox.claimDue(T0, LEASE, 10).getFirst();

        assertThat(outbox.claimDue(T0.plusSeconds(1), LEASE, 10)).isEmpty();
        assertThat(outbox.claimDue(T0.plus(LEASE), LEASE, 10)).isEmpty();

        List<QueuedMail> again = outbox.claimDue(T0.plus(LEASE).plusMillis(1), LEASE, 10);
        assertThat(again).singleElement().satisfies(queued -> {
            assertThat(queued.id()).isEqualTo(first.id());
            assertThat(queued.attempt()).isEqualTo(2);
        });
    }

    @Test
    void makesAMailPutBackForLaterDueAtThatTimeOnly() {
        outbox.enqueue(welcome("mallory", "mallory@example.org"));
        QueuedMail claimed = outbox.claimDue(T0, LEASE, 10).getFirst();
        Instant later = T0.plusSeconds(30);

        outbox.retryLater(claimed.id(), later, "421 try again");

        assertThat(outbox.claimDue(later.minusMillis(1), LEASE, 10)).isEmpty();
        assertThat(outbox.claimDue(later, LEASE, 10)).singleElement().satisfies(queued -> {
            assertThat(queued.id()).isEqualTo(claimed.id());
            assertThat(queued.attempt()).isEqualTo(2);
        });
        assertThat(dsl.fetchValue(MAIL_OUTBOX.LAST_ERROR, MAIL_OUTBOX.ID.eq(claimed.id()))).isEqualTo("421 try again");
    }

    @Test
    void neverClaimsASentMailAgain() {
        outbox.enqueue(welcome("niaj", "niaj@example.org"));
        QueuedMail claimed = outbox.claimDue(T0, LEASE, 10).getFirst();

        outbox.markSent(claimed.id(), T0.plusSeconds(2));

        assertThat(outbox.claimDue(T0.plus(Duration.ofDays(1)), LEASE, 10)).isEmpty();
        assertThat(dsl.fetchOne(MAIL_OUTBOX, MAIL_OUTBOX.ID.eq(claimed.id())))
                .satisfies(row -> {
                    assertThat(row.getStatus()).isEqualTo("SENT");
                    assertThat(row.getSentAt()).isEqualTo(OffsetDateTime.ofInstant(T0.plusSeconds(2), ZoneOffset.UTC));
                    assertThat(row.getLockedUntil()).isNull();
                });
    }

    @Test
    void neverClaimsADeadMailAgain() {
        outbox.enqueue(welcome("olivia", "olivia@example.org"));
        QueuedMail claimed = outbox.claimDue(T0, LEASE, 10).getFirst();

        outbox.markDead(claimed.id(), "550 no such user");

        assertThat(outbox.claimDue(T0.plus(Duration.ofDays(1)), LEASE, 10)).isEmpty();
        assertThat(dsl.fetchOne(MAIL_OUTBOX, MAIL_OUTBOX.ID.eq(claimed.id())))
                .satisfies(row -> {
                    assertThat(row.getStatus()).isEqualTo("DEAD");
                    assertThat(row.getLastError()).isEqualTo("550 no such user");
                });
    }

    @Test
    void leavesAFinishedMailAsItIsWhenALateWorkerMarksIt() {
        outbox.enqueue(welcome("peggy", "peggy@example.org"));
        QueuedMail claimed = outbox.claimDue(T0, LEASE, 10).getFirst();
        outbox.markSent(claimed.id(), T0);

        outbox.markDead(claimed.id(), "too late");
        outbox.retryLater(claimed.id(), T0, "too late");

        assertThat(dsl.fetchValue(MAIL_OUTBOX.STATUS, MAIL_OUTBOX.ID.eq(claimed.id()))).isEqualTo("SENT");
        assertThat(outbox.claimDue(T0.plus(Duration.ofDays(1)), LEASE, 10)).isEmpty();
    }

    @Test
    void claimsTheOldestDueMailsFirstAndNoMoreThanTheLimit() {
        enqueueAt(T0.plusSeconds(3), "third");
        enqueueAt(T0.plusSeconds(1), "first");
        enqueueAt(T0.plusSeconds(2), "second");

        List<QueuedMail> claimed = outbox.claimDue(T0.plusSeconds(10), LEASE, 2);

        assertThat(claimed).extracting(queued -> queued.mail().parameters().get(MailTemplate.USERNAME))
                .containsExactly("first", "second");
    }

    @Test
    void givesUpOnAMailItCannotRead() {
        UUID id = UUID.randomUUID();
        dsl.insertInto(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.ID, id)
                .set(MAIL_OUTBOX.TEMPLATE, "A_TEMPLATE_NO_LONGER_KNOWN")
                .set(MAIL_OUTBOX.RECIPIENT, "quentin@example.org")
                .set(MAIL_OUTBOX.PARAMETERS, JSONB.valueOf("{}"))
                .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, OffsetDateTime.ofInstant(T0, ZoneOffset.UTC))
                .set(MAIL_OUTBOX.CREATED_AT, OffsetDateTime.ofInstant(T0, ZoneOffset.UTC))
                .execute();
        outbox.enqueue(welcome("rupert", "rupert@example.org"));

        List<QueuedMail> claimed = outbox.claimDue(T0, LEASE, 10);

        assertThat(claimed).extracting(QueuedMail::id).doesNotContain(id).hasSize(1);
        assertThat(dsl.fetchValue(MAIL_OUTBOX.STATUS, MAIL_OUTBOX.ID.eq(id))).isEqualTo("DEAD");
    }

    @Test
    void neverGivesOneMailToTwoConcurrentWorkers() throws Exception {
        int mails = 200;
        for (int i = 0; i < mails; i++) {
            outbox.enqueue(welcome("user" + i, "user" + i + "@example.org"));
        }
        List<UUID> claimedIds = Collections.synchronizedList(new ArrayList<>());
        Instant now = T0.plusSeconds(1);

        try (ExecutorService workers = Executors.newFixedThreadPool(4)) {
            List<Future<?>> running = new ArrayList<>();
            for (int worker = 0; worker < 4; worker++) {
                running.add(workers.submit(() -> {
                    for (List<QueuedMail> batch = outbox.claimDue(now, LEASE, 10); !batch.isEmpty();
                         batch = outbox.claimDue(now, LEASE, 10)) {
                        batch.forEach(queued -> claimedIds.add(queued.id()));
                    }
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        }

        assertThat(claimedIds).hasSize(mails).doesNotHaveDuplicates();
        assertThat(dsl.fetch(MAIL_OUTBOX).getValues(MAIL_OUTBOX.ATTEMPTS)).containsOnly(1);
    }

    private void enqueueAt(Instant now, String username) {
        clock.set(now);
        outbox.enqueue(welcome(username, username + "@example.org"));
    }

    private static OutgoingMail welcome(String username, String recipient) {
        return new OutgoingMail(MailTemplate.WELCOME, new EmailAddress(recipient), Map.of(MailTemplate.USERNAME, username));
    }
}
