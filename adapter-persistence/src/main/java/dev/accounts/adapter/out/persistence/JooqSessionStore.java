package dev.accounts.adapter.out.persistence;

import static dev.accounts.adapter.out.persistence.jooq.Tables.PROFILES;
import static dev.accounts.adapter.out.persistence.jooq.Tables.SESSIONS;
import static dev.accounts.adapter.out.persistence.jooq.Tables.USERS;

import dev.accounts.adapter.out.persistence.jooq.tables.records.SessionsRecord;
import dev.accounts.application.port.out.SessionStore;
import dev.accounts.application.port.out.SignedInSession;
import dev.accounts.domain.user.Profile;
import dev.accounts.domain.user.Session;
import dev.accounts.domain.user.TokenDigest;
import dev.accounts.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Login sessions in the {@code sessions} table, keyed by the digest of the bearer token (the token itself is never
 * stored). Each call is one statement on the primary key or the {@code user_id} index; revoking deletes, so a
 * revoked token is unknown to the next look-up, whatever transaction it runs in.
 */
public final class JooqSessionStore implements SessionStore {

    /** The session by its primary key, joined to its user and (if one was saved) the user's profile by theirs. */
    private static final RenderedQuery FIND_SIGNED_IN = RenderedQuery.of(sql -> sql
            .select(SESSIONS.fields()).select(USERS.fields()).select(PROFILES.FULL_NAME, PROFILES.BIO)
            .from(SESSIONS)
            .join(USERS).on(USERS.ID.eq(SESSIONS.USER_ID))
            .leftJoin(PROFILES).on(PROFILES.USER_ID.eq(USERS.ID))
            .where(SESSIONS.TOKEN_DIGEST.eq(DSL.param("digest", String.class))));

    /** Every log-in starts a session and reads it back in no other statement of its transaction: held (ADR 0014). */
    private static final RenderedQuery INSERT = RenderedQuery.insertInto(SESSIONS, SESSIONS.TOKEN_DIGEST,
            SESSIONS.USER_ID, SESSIONS.CREATED_AT, SESSIONS.EXPIRES_AT, SESSIONS.LAST_USED_AT);

    private static final int USER_COLUMNS = SESSIONS.fields().length;
    private static final int PROFILE_COLUMNS = USER_COLUMNS + USERS.fields().length;

    private final DSLContext dsl;

    public JooqSessionStore(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public void add(Session session) {
        INSERT.insertHeld(dsl, UnaryOperator.identity(), session.digest().hex(), session.userId().value(),
                Timestamps.toDatabase(session.createdAt()), Timestamps.toDatabase(session.expiresAt()),
                Timestamps.toDatabase(session.lastUsedAt()));
    }

    /** One statement, rendered once: it runs on every authenticated request. */
    @Override
    public Optional<SignedInSession> findSignedIn(TokenDigest digest) {
        return FIND_SIGNED_IN.fetchOptional(dsl, digest.hex())
                .map(row -> new SignedInSession(toSession(RenderedQuery.columnsOf(row, SESSIONS, 0)),
                        JooqUserRepository.toUser(RenderedQuery.columnsOf(row, USERS, USER_COLUMNS)),
                        new Profile(row.get(PROFILE_COLUMNS, String.class),
                                row.get(PROFILE_COLUMNS + 1, String.class))));
    }

    /**
     * Only ever moves the last use forward: of two requests racing on one session, the one that finishes last
     * must not put back the earlier time and shorten the idle timeout.
     */
    @Override
    public void touch(TokenDigest digest, Instant lastUsedAt) {
        StoreFailures.translated(() -> dsl.update(SESSIONS)
                .set(SESSIONS.LAST_USED_AT, Timestamps.toDatabase(lastUsedAt))
                .where(SESSIONS.TOKEN_DIGEST.eq(digest.hex()))
                .and(SESSIONS.LAST_USED_AT.lt(Timestamps.toDatabase(lastUsedAt)))
                .execute());
    }

    @Override
    public boolean revoke(TokenDigest digest) {
        return StoreFailures.translated(() -> dsl.deleteFrom(SESSIONS)
                .where(SESSIONS.TOKEN_DIGEST.eq(digest.hex()))
                .execute()) > 0;
    }

    @Override
    public int revokeAll(UserId userId) {
        return StoreFailures.translated(() -> dsl.deleteFrom(SESSIONS)
                .where(SESSIONS.USER_ID.eq(userId.value()))
                .execute());
    }

    @Override
    public int revokeAllExcept(UserId userId, TokenDigest keep) {
        return StoreFailures.translated(() -> dsl.deleteFrom(SESSIONS)
                .where(SESSIONS.USER_ID.eq(userId.value()))
                .and(SESSIONS.TOKEN_DIGEST.ne(keep.hex()))
                .execute());
    }

    private static Session toSession(SessionsRecord row) {
        return new Session(new TokenDigest(row.getTokenDigest()), new UserId(row.getUserId()),
                Timestamps.fromDatabase(row.getCreatedAt()), Timestamps.fromDatabase(row.getExpiresAt()),
                Timestamps.fromDatabase(row.getLastUsedAt()));
    }
}
