package dev.accounts.adapter.out.persistence;

import static dev.accounts.adapter.out.persistence.jooq.Tables.MAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.fixtures.MutableClock;
import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.SecretToken;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the port's contract ({@link JooqDeadLettersContractTest}) cannot see: rows that died before their time of death
 * was kept, what a re-queue leaves in the row, and rows this version cannot read.
 */
@ExtendWith(SharedDatabase.class)
class JooqDeadLettersTest {

    private static final Instant T0 = Instant.parse("2025-07-01T06:30:00.123456Z");

    private final DSLContext dsl;
    private final MutableClock clock = new MutableClock(T0);
    private final JooqMailOutbox outbox;
    private final JooqDeadLetters deadLetters;

    JooqDeadLettersTest(TestDatabase database) {
        this.dsl = database.dsl();
        this.outbox = new JooqMailOutbox(dsl, clock);
        this.deadLetters = new JooqDeadLetters(dsl);
    }

    @Test
    void showsAMessageThatDiedBeforeItsTimeOfDeathWasKeptWithoutOne() {
        UUID id = queueAndClaim(notice());
        outbox.markDead(id, "550 no such user");
        dsl.update(MAIL_OUTBOX).setNull(MAIL_OUTBOX.DEAD_AT).where(MAIL_OUTBOX.ID.eq(id)).execute();

        assertThat(deadLetters.find(id)).hasValueSatisfying(dead -> assertThat(dead.diedAt()).isNull());
    }

    @Test
    void requeueClearsTheErrorTheTimeOfDeathAndTheLeaseButKeepsTheBlankedToken() {
        OutgoingMail reset = new OutgoingMail(MailTemplate.PASSWORD_RESET, new EmailAddress("reset@example.org"),
                Map.of(MailTemplate.USERNAME, "reset", MailTemplate.TOKEN, SecretToken.generate().reveal()));
        UUID id = queueAndClaim(reset);
        outbox.markDead(id, "550 no such user");

        deadLetters.requeue(id, T0.plusSeconds(60));

        assertThat(dsl.fetchOne(MAIL_OUTBOX, MAIL_OUTBOX.ID.eq(id))).satisfies(row -> {
            assertThat(row.getStatus()).isEqualTo("PENDING");
            assertThat(row.getAttempts()).isZero();
            assertThat(row.getNextAttemptAt()).isEqualTo(OffsetDateTime.ofInstant(T0.plusSeconds(60), ZoneOffset.UTC));
            assertThat(row.getLastError()).isNull();
            assertThat(row.getDeadAt()).isNull();
            assertThat(row.getLockedUntil()).isNull();
            assertThat(row.getCreatedAt()).as("still counts for the mail limits as of when it was asked for")
                    .isEqualTo(OffsetDateTime.ofInstant(T0, ZoneOffset.UTC));
            assertThat(row.getParameters().data()).as("a dead token stays erased").contains("\"token\": \"\"");
        });
    }

    @Test
    void listsARowThisVersionCannotReadAsStored() {
        UUID id = UUID.randomUUID();
        OffsetDateTime created = OffsetDateTime.ofInstant(T0, ZoneOffset.UTC);
        dsl.insertInto(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.ID, id)
                .set(MAIL_OUTBOX.TEMPLATE, "FROM_A_NEWER_VERSION")
                .set(MAIL_OUTBOX.RECIPIENT, "not an address")
                .set(MAIL_OUTBOX.PARAMETERS, org.jooq.JSONB.valueOf("[1, 2]"))
                .set(MAIL_OUTBOX.STATUS, "DEAD")
                .set(MAIL_OUTBOX.ATTEMPTS, 1)
                .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, created)
                .set(MAIL_OUTBOX.CREATED_AT, created)
                .execute();

        assertThat(deadLetters.list(null, 10)).singleElement().satisfies(dead -> {
            assertThat(dead.id()).isEqualTo(id);
            assertThat(dead.template()).isEqualTo("FROM_A_NEWER_VERSION");
            assertThat(dead.recipient()).isEqualTo("not an address");
            assertThat(dead.lastError()).isNull();
        });
    }

    private UUID queueAndClaim(OutgoingMail mail) {
        outbox.enqueue(mail);
        return outbox.claimDue(clock.instant(), Duration.ofMinutes(1), 10).getFirst().id();
    }

    private static OutgoingMail notice() {
        return OutgoingMail.passwordChangedNotice(dev.accounts.application.fixtures.Users.registered("noticed",
                "noticed@example.org"));
    }
}
