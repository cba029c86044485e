package dev.accounts.adapter.out.persistence;

import static dev.accounts.adapter.out.persistence.jooq.Tables.MAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.fixtures.MutableClock;
import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.application.port.out.QueuedMail;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.SecretToken;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    @Test
    void blanksTheTokenOfASentMailAndKeepsItsOtherParameters() {
        OutgoingMail mail = withToken(MailTemplate.PASSWORD_RESET, "rosa", "rosa@example.org");
        outbox.enqueue(mail);
        QueuedMail claimed = outbox.claimDue(T0, LEASE, 10).getFirst();
        assertThat(storedParameters(claimed.id())).containsEntry(MailTemplate.TOKEN, mail.parameters().get(MailTemplate.TOKEN));

        outbox.markSent(claimed.id(), T0.plusSeconds(1));

        assertThat(storedParameters(claimed.id()))
                .containsExactlyInAnyOrderEntriesOf(Map.of(MailTemplate.USERNAME, "rosa", MailTemplate.TOKEN, ""));
    }

    @Test
    void blanksTheTokenOfADeadMail() {
        outbox.enqueue(withToken(MailTemplate.EMAIL_CHANGE_CONFIRMATION, "saul", "saul@example.org"));
        QueuedMail claimed = outbox.claimDue(T0, LEASE, 10).getFirst();

        outbox.markDead(claimed.id(), "550 no such user");

        assertThat(storedParameters(claimed.id())).containsEntry(MailTemplate.TOKEN, "").containsEntry(MailTemplate.USERNAME, "saul");
    }

    @Test
    void keepsTheTokenOfAMailPutBackForLater() {
        OutgoingMail mail = withToken(MailTemplate.EMAIL_VERIFICATION, "tara", "tara@example.org");
        outbox.enqueue(mail);
        QueuedMail claimed = outbox.claimDue(T0, LEASE, 10).getFirst();

        outbox.retryLater(claimed.id(), T0.plusSeconds(5), "421 busy");

        assertThat(outbox.claimDue(T0.plusSeconds(5), LEASE, 10)).singleElement()
                .satisfies(again -> assertThat(again.mail()).isEqualTo(mail));
    }

    @Test
    void leavesTheParametersOfAMailWithoutATokenAsTheyWere() {
        outbox.enqueue(passwordChangedNotice("uma", "uma@example.org"));
        QueuedMail claimed = outbox.claimDue(T0, LEASE, 10).getFirst();

        outbox.markSent(claimed.id(), T0);

        assertThat(storedParameters(claimed.id())).containsExactlyEntriesOf(Map.of(MailTemplate.USERNAME, "uma"));
    }

    @Test
    void givesUpOnAMailWhoseParametersAreNotAnObject() {
        UUID id = UUID.randomUUID();
        dsl.insertInto(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.ID, id)
                .set(MAIL_OUTBOX.TEMPLATE, MailTemplate.WELCOME.name())
                .set(MAIL_OUTBOX.RECIPIENT, "vera@example.org")
                .set(MAIL_OUTBOX.PARAMETERS, JSONB.valueOf("[\"token\"]"))
                .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, OffsetDateTime.ofInstant(T0, ZoneOffset.UTC))
                .set(MAIL_OUTBOX.CREATED_AT, OffsetDateTime.ofInstant(T0, ZoneOffset.UTC))
                .execute();

        assertThat(outbox.claimDue(T0, LEASE, 10)).isEmpty();

        assertThat(dsl.fetchValue(MAIL_OUTBOX.STATUS, MAIL_OUTBOX.ID.eq(id))).isEqualTo("DEAD");
        assertThat(dsl.fetchValue(MAIL_OUTBOX.PARAMETERS, MAIL_OUTBOX.ID.eq(id))).isEqualTo(JSONB.valueOf("[\"token\"]"));
    }

    @Test
    void countsRecentMailToARecipientIgnoringCase() {
        outbox.enqueue(withToken(MailTemplate.PASSWORD_RESET, "wendy", "Wendy@Example.org"));
        outbox.enqueue(withToken(MailTemplate.PASSWORD_RESET, "wendy", "wendy@example.org"));
        outbox.enqueue(withToken(MailTemplate.PASSWORD_RESET, "walt", "walt@example.org"));

        assertThat(outbox.countQueuedSince(new EmailAddress("WENDY@example.ORG"), Set.of(MailTemplate.PASSWORD_RESET), T0))
                .isEqualTo(2);
    }

    @Test
    void countsOnlyRecentMailOfTheTemplatesAskedFor() {
        outbox.enqueue(withToken(MailTemplate.PASSWORD_RESET, "xena", "xena@example.org"));
        outbox.enqueue(withToken(MailTemplate.EMAIL_VERIFICATION, "xena", "xena@example.org"));
        outbox.enqueue(passwordChangedNotice("xena", "xena@example.org"));
        EmailAddress xena = new EmailAddress("xena@example.org");

        assertThat(outbox.countQueuedSince(xena, Set.of(MailTemplate.PASSWORD_RESET), T0)).isEqualTo(1);
        assertThat(outbox.countQueuedSince(xena, Set.of(MailTemplate.PASSWORD_RESET, MailTemplate.EMAIL_VERIFICATION), T0))
                .isEqualTo(2);
        assertThat(outbox.countQueuedSince(xena, Set.of(), T0)).isZero();
    }

    @Test
    void countsMailQueuedAtOrAfterTheGivenTimeWhateverBecameOfIt() {
        enqueueAt(T0, withToken(MailTemplate.PASSWORD_RESET, "yuri", "yuri@example.org"));
        enqueueAt(T0.plusSeconds(60), withToken(MailTemplate.PASSWORD_RESET, "yuri", "yuri@example.org"));
        enqueueAt(T0.plusSeconds(120), withToken(MailTemplate.PASSWORD_RESET, "yuri", "yuri@example.org"));
        outbox.claimDue(T0.plusSeconds(120), LEASE, 10).forEach(queued -> outbox.markSent(queued.id(), T0.plusSeconds(121)));
        EmailAddress yuri = new EmailAddress("yuri@example.org");
        Set<MailTemplate> resets = Set.of(MailTemplate.PASSWORD_RESET);

        assertThat(outbox.countQueuedSince(yuri, resets, T0)).isEqualTo(3);
        assertThat(outbox.countQueuedSince(yuri, resets, T0.plusSeconds(60))).isEqualTo(2);
        assertThat(outbox.countQueuedSince(yuri, resets, T0.plusSeconds(61))).isEqualTo(1);
        assertThat(outbox.countQueuedSince(yuri, resets, T0.plusSeconds(121))).isZero();
    }

    private void enqueueAt(Instant now, OutgoingMail mail) {
        clock.set(now);
        outbox.enqueue(mail);
    }

    private void enqueueAt(Instant now, String username) {
        clock.set(now);
        outbox.enqueue(welcome(username, username + "@example.org"));
    }

    private static OutgoingMail welcome(String username, String recipient) {
        return withToken(MailTemplate.WELCOME, username, recipient);
    }

    private static OutgoingMail withToken(MailTemplate template, String username, String recipient) {
        return new OutgoingMail(template, new EmailAddress(recipient),
                Map.of(MailTemplate.USERNAME, username, MailTemplate.TOKEN, SecretToken.generate().reveal()));
    }

    private static OutgoingMail passwordChangedNotice(String username, String recipient) {
        return new OutgoingMail(MailTemplate.PASSWORD_CHANGED_NOTICE, new EmailAddress(recipient),
                Map.of(MailTemplate.USERNAME, username));
    }

    private Map<String, String> storedParameters(UUID id) {
        return MailParametersJson.read(dsl.fetchValue(MAIL_OUTBOX.PARAMETERS, MAIL_OUTBOX.ID.eq(id)));
    }
}
