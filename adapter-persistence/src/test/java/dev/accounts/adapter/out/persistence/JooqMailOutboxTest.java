package dev.accounts.adapter.out.persistence;

import static dev.accounts.adapter.out.persistence.jooq.Tables.MAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.fixtures.MutableClock;
import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.application.port.out.QueuedMail;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.SecretToken;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the port's contract ({@link JooqMailOutboxContractTest}) cannot see: what the rows hold (outcome, error,
 * blanked tokens) and rows this version cannot read.
 */
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
    void keepsTheOutcomeOfEachAttemptInTheRow() {
        outbox.enqueue(welcome("niaj", "niaj@example.org"));
        outbox.enqueue(welcome("olivia", "olivia@example.org"));
        outbox.enqueue(welcome("mallory", "mallory@example.org"));
        List<QueuedMail> claimed = outbox.claimDue(T0, LEASE, 10);

        outbox.markSent(claimed.get(0).id(), T0.plusSeconds(2));
        outbox.markDead(claimed.get(1).id(), "550 no such user");
        outbox.retryLater(claimed.get(2).id(), T0.plusSeconds(30), "421 try again");

        assertThat(dsl.fetchOne(MAIL_OUTBOX, MAIL_OUTBOX.ID.eq(claimed.get(0).id()))).satisfies(row -> {
            assertThat(row.getStatus()).isEqualTo("SENT");
            assertThat(row.getSentAt()).isEqualTo(OffsetDateTime.ofInstant(T0.plusSeconds(2), ZoneOffset.UTC));
            assertThat(row.getLockedUntil()).isNull();
        });
        assertThat(dsl.fetchOne(MAIL_OUTBOX, MAIL_OUTBOX.ID.eq(claimed.get(1).id()))).satisfies(row -> {
            assertThat(row.getStatus()).isEqualTo("DEAD");
            assertThat(row.getLastError()).isEqualTo("550 no such user");
            assertThat(row.getLockedUntil()).isNull();
        });
        assertThat(dsl.fetchOne(MAIL_OUTBOX, MAIL_OUTBOX.ID.eq(claimed.get(2).id()))).satisfies(row -> {
            assertThat(row.getStatus()).isEqualTo("PENDING");
            assertThat(row.getLastError()).isEqualTo("421 try again");
            assertThat(row.getAttempts()).isOne();
            assertThat(row.getLockedUntil()).isNull();
        });
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
    void claimsNoMoreThanItsLimitWhicheverPlanPostgresChooses() {
        for (int i = 0; i < 30; i++) {
            outbox.enqueue(welcome("user" + i, "user" + i + "@example.org"));
        }

        List<QueuedMail> claimed = dsl.connectionResult(connection -> {
            try (Statement planner = connection.createStatement()) {
                // Leaves PostgreSQL one plan for a subquery in IN (...): a nested loop that runs it again for every
                // row of the table.
                planner.execute("SET enable_hashjoin = off; SET enable_hashagg = off; SET enable_mergejoin = off;"
                        + " SET enable_sort = off; SET enable_material = off");
            }
            try {
                return new JooqMailOutbox(DSL.using(connection, SQLDialect.POSTGRES), clock).claimDue(T0, LEASE, 5);
            } finally {
                try (Statement reset = connection.createStatement()) {
                    reset.execute("RESET ALL");
                }
            }
        });

        assertThat(claimed).hasSize(5);
        assertThat(dsl.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.LOCKED_UNTIL.isNotNull())).isEqualTo(5);
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
