package dev.accounts.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.port.out.UserSearch;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
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
 * the unique indexes on {@code lower(username)} and {@code lower(email)} (V7: {@code text_pattern_ops}, so they
 * serve {@code LIKE 'prefix%'} whatever the collation) rather than by reading every user.
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
        assertThat(plan).contains("users_username_lower_key").contains("users_email_lower_key");
    }

    /**
     * Under the C collation of the embedded database any btree on the expression serves LIKE, so the plan above
     * cannot tell a text_pattern_ops index from another: this checks that the unique ones are it, and the only ones.
     */
    @Test
    void theUniqueIndexesAreTheOnlyOnesOnTheNamesAndServePrefixesUnderAnyCollation() {
        Map<String, String> indexes = dsl.fetch("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'users'")
                .stream().collect(Collectors.toMap(row -> row.get(0, String.class), row -> row.get(1, String.class)));

        assertThat(indexes).containsOnlyKeys("users_pkey", "users_username_lower_key", "users_email_lower_key");
        assertThat(indexes.get("users_username_lower_key"))
                .startsWith("CREATE UNIQUE INDEX").contains("text_pattern_ops");
        assertThat(indexes.get("users_email_lower_key"))
                .startsWith("CREATE UNIQUE INDEX").contains("text_pattern_ops");
    }
}
