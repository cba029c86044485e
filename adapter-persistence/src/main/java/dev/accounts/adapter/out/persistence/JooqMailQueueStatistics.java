package dev.accounts.adapter.out.persistence;

import static dev.accounts.adapter.out.persistence.jooq.Tables.MAIL_OUTBOX;

import dev.accounts.application.port.out.MailQueueStatistics;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * The {@code mail_outbox} table's figures in one statement, so the three agree (one snapshot of the database). Each
 * part reads only rows of one status: the pending ones through V1's partial index on pending rows, the dead ones
 * through V5's partial index on dead rows, so the cost does not grow with the sent mail the table accumulates.
 */
public final class JooqMailQueueStatistics implements MailQueueStatistics {

    // The values of mail_outbox_status_check (V1).
    private static final String PENDING = "PENDING";
    private static final String DEAD = "DEAD";

    private final DSLContext dsl;

    public JooqMailQueueStatistics(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public Snapshot snapshot() {
        Record3<Integer, OffsetDateTime, Integer> row = StoreFailures.translated(() -> query().fetchSingle());
        return new Snapshot(row.value1(), Optional.ofNullable(Timestamps.fromDatabase(row.value2())), row.value3());
    }

    Select<Record3<Integer, OffsetDateTime, Integer>> query() {
        return dsl.select(
                DSL.field(DSL.selectCount().from(MAIL_OUTBOX).where(MAIL_OUTBOX.STATUS.eq(PENDING))),
                DSL.field(DSL.select(DSL.min(MAIL_OUTBOX.CREATED_AT)).from(MAIL_OUTBOX).where(MAIL_OUTBOX.STATUS.eq(PENDING))),
                DSL.field(DSL.selectCount().from(MAIL_OUTBOX).where(MAIL_OUTBOX.STATUS.eq(DEAD))));
    }
}
