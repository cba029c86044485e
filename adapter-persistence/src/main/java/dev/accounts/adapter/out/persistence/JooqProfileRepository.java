package dev.accounts.adapter.out.persistence;

import static dev.accounts.adapter.out.persistence.jooq.Tables.PROFILES;

import dev.accounts.application.port.out.ProfileRepository;
import dev.accounts.domain.user.Profile;
import dev.accounts.domain.user.UserId;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Profiles in the {@code profiles} table, one row per user, deleted with the user. A save is one
 * {@code INSERT ... ON CONFLICT DO UPDATE}, so concurrent saves never fail on each other: the last one wins.
 * {@code updated_at} is the database's transaction time, for operators only; the domain does not read it.
 */
public final class JooqProfileRepository implements ProfileRepository {

    private final DSLContext dsl;
    private final UserChanges changes;

    public JooqProfileRepository(DSLContext dsl) {
        this(dsl, UserChanges.NONE);
    }

    /** {@code changes} is told of every user whose profile this repository saves. */
    public JooqProfileRepository(DSLContext dsl, UserChanges changes) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.changes = Objects.requireNonNull(changes, "changes");
    }

    @Override
    public void save(UserId userId, Profile profile) {
        StoreFailures.translated(() -> dsl.insertInto(PROFILES)
                .set(PROFILES.USER_ID, userId.value())
                .set(PROFILES.FULL_NAME, profile.fullName())
                .set(PROFILES.BIO, profile.bio())
                .set(PROFILES.UPDATED_AT, DSL.currentOffsetDateTime())
                .onConflict(PROFILES.USER_ID)
                .doUpdate()
                .set(PROFILES.FULL_NAME, DSL.excluded(PROFILES.FULL_NAME))
                .set(PROFILES.BIO, DSL.excluded(PROFILES.BIO))
                .set(PROFILES.UPDATED_AT, DSL.excluded(PROFILES.UPDATED_AT))
                .execute());
        changes.changing(userId);
    }

    @Override
    public Profile find(UserId userId) {
        // GET /api/users/me reads the profile with the session (JooqSessionStore); this read follows a change.
        return StoreFailures.translated(() -> dsl.select(PROFILES.FULL_NAME, PROFILES.BIO)
                .from(PROFILES)
                .where(PROFILES.USER_ID.eq(userId.value()))
                .fetchOptional(row -> new Profile(row.value1(), row.value2())))
                .orElse(Profile.EMPTY);
    }
}
