package dev.accounts.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the contract cannot see: that the statistics stay cheap however much sent mail the outbox holds. */
@ExtendWith(SharedDatabase.class)
class JooqMailQueueStatisticsTest {

    private final DSLContext dsl;
    private final SpringTransactions transactions;

    JooqMailQueueStatisticsTest(TestDatabase database) {
        this.dsl = database.dsl();
        this.transactions = database.transactions();
    }

    /**
     * With sequential scans priced out, PostgreSQL still plans one for a part that no index serves, so a plan
     * without one shows that every part reads the rows of its status through a partial index.
     */
    @Test
    void readsThePendingAndDeadRowsThroughIndexesNotTheWholeOutbox() {
        String plan = transactions.inTransaction(() -> {
            dsl.execute("SET LOCAL enable_seqscan = off");
            return dsl.fetch("EXPLAIN " + dsl.renderInlined(new JooqMailQueueStatistics(dsl).query())).stream()
                    .map(Record::intoArray).map(row -> String.valueOf(row[0])).collect(Collectors.joining("\n"));
        });

        assertThat(plan).contains("mail_outbox_due_idx").contains("mail_outbox_dead_idx").doesNotContain("Seq Scan");
    }
}
