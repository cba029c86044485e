package dev.accounts.adapter.out.persistence;

import static dev.accounts.adapter.out.persistence.jooq.Tables.MAIL_OUTBOX;

import dev.accounts.application.port.out.MailDeliveryQueue;
import dev.accounts.application.port.out.MailOutbox;
import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.application.port.out.QueuedMail;
import dev.accounts.application.port.out.RecentMail;
import dev.accounts.domain.user.EmailAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactional outbox in the {@code mail_outbox} table, both sides: use cases enqueue inside their
 * transaction; delivery workers, possibly in several processes, claim due rows under a lease with
 * {@code FOR UPDATE SKIP LOCKED}, so no two workers get the same row while its lease runs. Also counts recent mail
 * per recipient, for the limits on mail a user can trigger.
 *
 * <p>A raw single-use token (the {@code token} parameter of the templates that {@link MailTemplate#carriesToken()
 * carry one}) must wait in the row until delivery, but not longer: marking a message sent or dead replaces it with
 * {@code ""} in the same statement. The row keeps all its keys, so it can still be read; a dead one re-queued by
 * hand would mail a link without its token, which would have expired by then anyway.
 */
public final class JooqMailOutbox implements MailOutbox, MailDeliveryQueue, RecentMail {

    private static final Logger LOG = LoggerFactory.getLogger(JooqMailOutbox.class);
    private static final String PENDING = "PENDING";
    private static final String SENT = "SENT";
    private static final String DEAD = "DEAD";

    /**
     * The parameters with a {@code token} value blanked. {@code ->} yields null for a missing key and for anything
     * that is not an object (an unreadable row being given up on), and then the parameters stay as they are.
     */
    private static final Field<JSONB> PARAMETERS_WITHOUT_TOKEN = DSL.field(
            "CASE WHEN {0} -> {1} IS NOT NULL THEN jsonb_set({0}, ARRAY[{1}], to_jsonb(''::text)) ELSE {0} END",
            MAIL_OUTBOX.PARAMETERS.getDataType(), MAIL_OUTBOX.PARAMETERS, DSL.inline(MailTemplate.TOKEN));

    /**
     * The due rows, oldest first, leased and counted as an attempt. Rendered once: the worker claims every time it
     * wakes, which under a steady stream of registrations is once for each welcome mail, and rendering this statement
     * was a quarter of the worker's CPU in a flight recording of registrations, nearly as much as building and sending
     * the message. Bound: the lease's end, now (twice), the limit.
     */
    private static final RenderedQuery CLAIM_DUE = RenderedQuery.of(sql -> {
        Field<OffsetDateTime> now = DSL.param("now", OffsetDateTime.class);
        return sql.update(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.LOCKED_UNTIL, DSL.param("lockedUntil", OffsetDateTime.class))
                .set(MAIL_OUTBOX.ATTEMPTS, MAIL_OUTBOX.ATTEMPTS.plus(DSL.inline(1)))
                .where(MAIL_OUTBOX.ID.eq(DSL.any(DSL.array(DSL.select(MAIL_OUTBOX.ID)
                        .from(MAIL_OUTBOX)
                        .where(MAIL_OUTBOX.STATUS.eq(DSL.inline(PENDING)))
                        .and(MAIL_OUTBOX.NEXT_ATTEMPT_AT.le(now))
                        .and(MAIL_OUTBOX.LOCKED_UNTIL.isNull().or(MAIL_OUTBOX.LOCKED_UNTIL.lt(now)))
                        .orderBy(MAIL_OUTBOX.NEXT_ATTEMPT_AT)
                        .limit(DSL.param("limit", Integer.class))
                        .forUpdate()
                        .skipLocked()))))
                .returning(MAIL_OUTBOX.ID, MAIL_OUTBOX.TEMPLATE, MAIL_OUTBOX.RECIPIENT, MAIL_OUTBOX.PARAMETERS,
                        MAIL_OUTBOX.ATTEMPTS, MAIL_OUTBOX.NEXT_ATTEMPT_AT);
    });

    /** Every sign-up queues its welcome mail: rendered once. The parameters are bound as JSON text. */
    private static final RenderedQuery ENQUEUE = RenderedQuery.insertInto(MAIL_OUTBOX, MAIL_OUTBOX.ID,
            MAIL_OUTBOX.TEMPLATE, MAIL_OUTBOX.RECIPIENT, MAIL_OUTBOX.PARAMETERS, MAIL_OUTBOX.STATUS,
            MAIL_OUTBOX.ATTEMPTS, MAIL_OUTBOX.NEXT_ATTEMPT_AT, MAIL_OUTBOX.CREATED_AT);

    /*
     * The outcome of each send is recorded on its own, one at a time (the acceptance gate waits for it), so these
     * three run once per message: rendered once. Their constants are inline; the parameters are bound in the order
     * they appear: the new values, then the id.
     */
    private static final RenderedQuery MARK_SENT = RenderedQuery.of(sql -> sql.update(MAIL_OUTBOX)
            .set(MAIL_OUTBOX.STATUS, DSL.inline(SENT))
            .set(MAIL_OUTBOX.SENT_AT, DSL.param("sentAt", OffsetDateTime.class))
            .set(MAIL_OUTBOX.PARAMETERS, PARAMETERS_WITHOUT_TOKEN)
            .set(MAIL_OUTBOX.LOCKED_UNTIL, DSL.inline((OffsetDateTime) null))
            .where(stillPending()));
    private static final RenderedQuery RETRY_LATER = RenderedQuery.of(sql -> sql.update(MAIL_OUTBOX)
            .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, DSL.param("nextAttemptAt", OffsetDateTime.class))
            .set(MAIL_OUTBOX.LAST_ERROR, DSL.param("lastError", String.class))
            .set(MAIL_OUTBOX.LOCKED_UNTIL, DSL.inline((OffsetDateTime) null))
            .where(stillPending()));
    private static final RenderedQuery MARK_DEAD = RenderedQuery.of(sql -> sql.update(MAIL_OUTBOX)
            .set(MAIL_OUTBOX.STATUS, DSL.inline(DEAD))
            .set(MAIL_OUTBOX.DEAD_AT, DSL.param("deadAt", OffsetDateTime.class))
            .set(MAIL_OUTBOX.LAST_ERROR, DSL.param("lastError", String.class))
            .set(MAIL_OUTBOX.PARAMETERS, PARAMETERS_WITHOUT_TOKEN)
            .set(MAIL_OUTBOX.LOCKED_UNTIL, DSL.inline((OffsetDateTime) null))
            .where(stillPending()));

    private final DSLContext dsl;
    private final Clock clock;

    /** An outbox that dates new messages by the system clock. */
    public JooqMailOutbox(DSLContext dsl) {
        this(dsl, Clock.systemUTC());
    }

    /**
     * An outbox that dates new messages (created, first due) and deaths by {@code clock}, the clock the workers claim
     * by.
     */
    public JooqMailOutbox(DSLContext dsl, Clock clock) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void enqueue(OutgoingMail mail) {
        OffsetDateTime now = Timestamps.toDatabase(clock.instant());
        ENQUEUE.insertHeld(dsl, UnaryOperator.identity(), UUID.randomUUID(), mail.template().name(),
                mail.recipient().value(), MailParametersJson.write(mail.parameters()).data(), PENDING, 0, now, now);
    }

    /**
     * One statement: rows locked by a concurrent claim are skipped, not waited for. The due rows are picked in
     * {@code = ANY(ARRAY(subquery))}, which PostgreSQL runs exactly once; under {@code IN (subquery)} it may pick a
     * plan that runs the subquery again for each row of the table, and each run skips the rows the statement has
     * already leased and locks the next ones, so the {@code LIMIT} no longer bounds the claim: a single claim could
     * lease the whole backlog, in time quadratic in its size.
     */
    @Override
    public List<QueuedMail> claimDue(Instant now, Duration lease, int limit) {
        if (limit < 1) {
            return List.of();
        }
        OffsetDateTime at = Timestamps.toDatabase(now);
        List<Record> claimed = CLAIM_DUE.fetch(dsl, Timestamps.toDatabase(now.plus(lease)), at, at, limit);
        List<QueuedMail> mails = new ArrayList<>(claimed.size());
        claimed.stream()
                .sorted(Comparator.comparing(row -> row.get(MAIL_OUTBOX.NEXT_ATTEMPT_AT)))
                .forEach(row -> toQueuedMail(row, mails));
        return mails;
    }

    private void toQueuedMail(Record row, List<QueuedMail> mails) {
        UUID id = row.get(MAIL_OUTBOX.ID);
        OutgoingMail mail;
        try {
            mail = new OutgoingMail(MailTemplate.valueOf(row.get(MAIL_OUTBOX.TEMPLATE)),
                    new EmailAddress(row.get(MAIL_OUTBOX.RECIPIENT)),
                    MailParametersJson.read(row.get(MAIL_OUTBOX.PARAMETERS)));
        } catch (RuntimeException e) {
            // A row this version cannot read would be claimed again after every lease, forever.
            LOG.warn("Mail outbox_id={} cannot be read ({}); giving up on it", id, e.getClass().getSimpleName());
            markDead(id, "unreadable by this version: " + e.getClass().getSimpleName());
            return;
        }
        mails.add(new QueuedMail(id, mail, row.get(MAIL_OUTBOX.ATTEMPTS)));
    }

    @Override
    public void markSent(UUID id, Instant sentAt) {
        finish(id, "sent", MARK_SENT, Timestamps.toDatabase(sentAt), id);
    }

    @Override
    public void retryLater(UUID id, Instant nextAttemptAt, String lastError) {
        finish(id, "retry", RETRY_LATER, Timestamps.toDatabase(nextAttemptAt), lastError, id);
    }

    @Override
    public void markDead(UUID id, String lastError) {
        finish(id, "dead", MARK_DEAD, Timestamps.toDatabase(clock.instant()), lastError, id);
    }

    /**
     * Counts by {@code lower(recipient)} and creation time, the expression and order of the index the V2 migration
     * made for it. Every message counts, whatever its status: a mail that failed was still asked for.
     */
    @Override
    public int countQueuedSince(EmailAddress recipient, Set<MailTemplate> templates, Instant since) {
        if (templates.isEmpty()) {
            return 0;
        }
        List<String> names = templates.stream().map(MailTemplate::name).toList();
        return StoreFailures.translated(() -> dsl.fetchCount(MAIL_OUTBOX,
                DSL.lower(MAIL_OUTBOX.RECIPIENT).eq(DSL.lower(DSL.val(recipient.value())))
                        .and(MAIL_OUTBOX.CREATED_AT.ge(Timestamps.toDatabase(since)))
                        .and(MAIL_OUTBOX.TEMPLATE.in(names))));
    }

    /**
     * The row by its id while it is still pending. Sent and dead rows are final: a late worker whose lease ran out
     * must not change them.
     */
    private static Condition stillPending() {
        return MAIL_OUTBOX.ID.eq(DSL.param("id", UUID.class)).and(MAIL_OUTBOX.STATUS.eq(DSL.inline(PENDING)));
    }

    private void finish(UUID id, String outcome, RenderedQuery update, Object... bindValues) {
        int rows = update.execute(dsl, bindValues);
        if (rows == 0) {
            LOG.warn("Mail outbox_id={} was no longer pending when marked {}; was its lease too short?", id, outcome);
        }
    }
}
