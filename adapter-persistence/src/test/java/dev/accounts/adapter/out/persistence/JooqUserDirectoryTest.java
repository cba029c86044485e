package dev.accounts.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.port.out.UserSearch;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the port's contract ({@link JooqUserDirectoryContractTest}) cannot see: that a prefix search is answered from
 * the V4 migration's indexes rather than by reading every user.
 */
@ExtendWith(SharedDatabase.class)
class JooqUserDirectoryTest {

    private static final int USERS = 20_000;

    private final DSLContext dsl;
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private final JooqUserDirectory recordedDirectory;

    JooqUserDirectoryTest(TestDatabase database) {
        this.dsl = database.dsl();
        // The adapter as it is, on a context that inlines bind values and keeps each statement it runs.
        ExecuteListener recorder = new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext context) {
                statements.add(context.sql());
            }
        };
        this.recordedDirectory = new JooqUserDirectory(DSL.using(new DefaultConfiguration()
                .set(database.dataSource())
                .set(SQLDialect.POSTGRES)
                .set(new Settings().withStatementType(StatementType.STATIC_STATEMENT).withExecuteLogging(false))
                .set(new DefaultExecuteListenerProvider(recorder))));
    }

    @Test
    void answersAPrefixSearchFromTheIndexesOnUsernameAndAddress() {
        dsl.execute("INSERT INTO users (id, username, email, password_hash, created_at, updated_at)"
                + " SELECT gen_random_uuid(), 'user' || n, 'mail' || n || '@example.org', '$x', now(), now()"
                + " FROM generate_series(1, " + USERS + ") AS n");
        dsl.execute("ANALYZE users");

        assertThat(recordedDirectory.search(new UserSearch("USER1234", null, null, null, 51))).hasSize(11);

        String plan = String.join("\n", dsl.fetch("EXPLAIN " + statements.getLast()).getValues(0, String.class));
        assertThat(plan).contains("users_username_prefix_idx").contains("users_email_prefix_idx");
    }
}
