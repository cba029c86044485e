package dev.accounts.adapter.out.persistence;

import static dev.accounts.adapter.out.persistence.jooq.Tables.USERS;

import dev.accounts.application.port.out.UserDirectory;
import dev.accounts.application.port.out.UserSearch;
import dev.accounts.domain.user.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The admin search over the {@code users} table. A prefix is matched with {@code lower(column) LIKE 'prefix%'}, the
 * expression of the V4 migration's {@code text_pattern_ops} indexes, its {@code \ % _} escaped so they match literally.
 * Pages follow one another by id ({@code id > after ORDER BY id}), which the primary key serves without an offset to
 * skip; PostgreSQL compares uuids byte by byte, the order the port asks for. Runs inside the caller's transaction when
 * there is one.
 */
public final class JooqUserDirectory implements UserDirectory {

    private static final char ESCAPE = '\\';

    private final DSLContext dsl;

    public JooqUserDirectory(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public List<User> search(UserSearch search) {
        List<Condition> conditions = new ArrayList<>();
        if (search.prefix() != null) {
            String pattern = likeLiterally(search.prefix().toLowerCase(Locale.ROOT)) + "%";
            conditions.add(DSL.lower(USERS.USERNAME).like(pattern, ESCAPE)
                    .or(DSL.lower(USERS.EMAIL).like(pattern, ESCAPE)));
        }
        if (search.verified() != null) {
            conditions.add(USERS.EMAIL_VERIFIED.eq(search.verified()));
        }
        if (search.active() != null) {
            conditions.add(USERS.IS_ACTIVE.eq(search.active()));
        }
        if (search.after() != null) {
            conditions.add(USERS.ID.gt(search.after().value()));
        }
        return StoreFailures.translated(() -> dsl.selectFrom(USERS)
                .where(conditions)
                .orderBy(USERS.ID)
                .limit(search.limit())
                .fetch(JooqUserRepository::toUser));
    }

    private static String likeLiterally(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == ESCAPE || c == '%' || c == '_') {
                escaped.append(ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
