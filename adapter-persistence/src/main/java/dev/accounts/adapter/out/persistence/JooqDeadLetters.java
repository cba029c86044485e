package dev.accounts.adapter.out.persistence;

import static dev.accounts.adapter.out.persistence.jooq.Tables.MAIL_OUTBOX;

import dev.accounts.application.port.out.DeadLetter;
import dev.accounts.application.port.out.DeadLetterKey;
import dev.accounts.application.port.out.DeadLetters;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.impl.DSL;

/**
 * The dead rows of the {@code mail_outbox} table ({@link JooqMailOutbox} writes them), for the admin API. Reads never
 * select {@code parameters}: a dead row's token is blanked, but the admin API has no business with the rest either.
 * Listing pages by the row value {@code (created_at, id)}, which the V5 migration's partial index on dead rows' creation
 * times serves. Re-queueing is one {@code UPDATE ... WHERE status = 'DEAD'}, so of concurrent calls one changes the row.
 * Runs inside the caller's transaction when there is one.
 */
public final class JooqDeadLetters implements DeadLetters {

    private static final String DEAD = "DEAD";
    private static final String PENDING = "PENDING";
    private static final List<SelectField<?>> SHOWN = List.of(MAIL_OUTBOX.ID, MAIL_OUTBOX.RECIPIENT, MAIL_OUTBOX.TEMPLATE,
            MAIL_OUTBOX.ATTEMPTS, MAIL_OUTBOX.LAST_ERROR, MAIL_OUTBOX.CREATED_AT, MAIL_OUTBOX.DEAD_AT);

    private final DSLContext dsl;

    public JooqDeadLetters(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public List<DeadLetter> list(DeadLetterKey after, int limit) {
        Condition dead = MAIL_OUTBOX.STATUS.eq(DEAD);
        Condition position = after == null ? DSL.noCondition()
                : DSL.row(MAIL_OUTBOX.CREATED_AT, MAIL_OUTBOX.ID)
                        .gt(DSL.row(Timestamps.toDatabase(after.createdAt()), after.id()));
        return StoreFailures.translated(() -> dsl.select(SHOWN)
                .from(MAIL_OUTBOX)
                .where(dead.and(position))
                .orderBy(MAIL_OUTBOX.CREATED_AT, MAIL_OUTBOX.ID)
                .limit(limit)
                .fetch(JooqDeadLetters::toDeadLetter));
    }

    @Override
    public Optional<DeadLetter> find(UUID id) {
        return StoreFailures.translated(() -> dsl.select(SHOWN)
                .from(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.ID.eq(id).and(MAIL_OUTBOX.STATUS.eq(DEAD)))
                .fetchOptional(JooqDeadLetters::toDeadLetter));
    }

    @Override
    public boolean requeue(UUID id, Instant now) {
        int rows = StoreFailures.translated(() -> dsl.update(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.STATUS, PENDING)
                .set(MAIL_OUTBOX.ATTEMPTS, 0)
                .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, Timestamps.toDatabase(now))
                .setNull(MAIL_OUTBOX.LOCKED_UNTIL)
                .setNull(MAIL_OUTBOX.LAST_ERROR)
                .setNull(MAIL_OUTBOX.DEAD_AT)
                .where(MAIL_OUTBOX.ID.eq(id).and(MAIL_OUTBOX.STATUS.eq(DEAD)))
                .execute());
        return rows == 1;
    }

    private static DeadLetter toDeadLetter(Record row) {
        return new DeadLetter(row.get(MAIL_OUTBOX.ID), row.get(MAIL_OUTBOX.RECIPIENT), row.get(MAIL_OUTBOX.TEMPLATE),
                row.get(MAIL_OUTBOX.ATTEMPTS), row.get(MAIL_OUTBOX.LAST_ERROR),
                Timestamps.fromDatabase(row.get(MAIL_OUTBOX.CREATED_AT)),
                Timestamps.fromDatabase(row.get(MAIL_OUTBOX.DEAD_AT)));
    }
}
