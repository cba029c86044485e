package dev.accounts.adapter.out.persistence;

import static dev.accounts.adapter.out.persistence.jooq.Tables.EMAIL_TOKENS;

import dev.accounts.adapter.out.persistence.jooq.tables.records.EmailTokensRecord;
import dev.accounts.application.port.out.EmailTokenStore;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.EmailToken;
import dev.accounts.domain.user.TokenDigest;
import dev.accounts.domain.user.TokenPurpose;
import dev.accounts.domain.user.UserId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Single-use mailed tokens in the {@code email_tokens} table, as digests. A token is dead once {@code used_at} is
 * set, whether it was consumed, superseded by a newer one or invalidated. Dead and expired rows stay: they tell an
 * operator when and why a link stopped working (purging old ones is housekeeping this class does not do).
 */
public final class JooqEmailTokenStore implements EmailTokenStore {

    /** Rendered once, as a registration runs it. Bound: digest, user, address, purpose, created, expires. */
    private static final RenderedQuery INSERT = RenderedQuery.insertInto(EMAIL_TOKENS, EMAIL_TOKENS.TOKEN_DIGEST,
            EMAIL_TOKENS.USER_ID, EMAIL_TOKENS.ADDRESS, EMAIL_TOKENS.PURPOSE, EMAIL_TOKENS.CREATED_AT,
            EMAIL_TOKENS.EXPIRES_AT);

    private final DSLContext dsl;

    public JooqEmailTokenStore(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    /**
     * Supersedes the older unused tokens (their {@code used_at} becomes the new token's creation time), then stores
     * the new one. Call it inside a transaction: it then holds a lock on the user and purpose until commit, so two
     * concurrent requests for a link cannot both leave a live token behind.
     */
    @Override
    public void issue(EmailToken token) {
        StoreFailures.translated(() -> {
            dsl.execute("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", lockName(token.userId(), token.purpose()));
            return dsl.update(EMAIL_TOKENS)
                    .set(EMAIL_TOKENS.USED_AT, Timestamps.toDatabase(token.createdAt()))
                    .where(unused(token.userId(), token.purpose()))
                    .execute();
        });
        insert(token);
    }

    /**
     * The insert alone: every registration issues one, and the lock and the update that supersedes would be two more
     * round trips for a user whose row no other transaction can see yet, and so no token refer to.
     */
    @Override
    public void issueFirst(EmailToken token) {
        insert(token);
    }

    /** Held until the transaction's next statement or its commit ({@link HeldInserts}). */
    private void insert(EmailToken token) {
        INSERT.insertHeld(dsl, UnaryOperator.identity(), token.digest().hex(), token.userId().value(), token.address().value(), token.purpose().name(),
                Timestamps.toDatabase(token.createdAt()), Timestamps.toDatabase(token.expiresAt()));
    }

    /**
     * One statement: PostgreSQL lets one of several concurrent updates of the row through, and the others, which
     * waited for it, find {@code used_at} set when they re-check the condition and change nothing.
     */
    @Override
    public Optional<EmailToken> consume(TokenDigest digest, TokenPurpose purpose, Instant now) {
        OffsetDateTime at = Timestamps.toDatabase(now);
        return StoreFailures.translated(() -> dsl.update(EMAIL_TOKENS)
                        .set(EMAIL_TOKENS.USED_AT, at)
                        .where(EMAIL_TOKENS.TOKEN_DIGEST.eq(digest.hex()))
                        .and(EMAIL_TOKENS.PURPOSE.eq(purpose.name()))
                        .and(EMAIL_TOKENS.USED_AT.isNull())
                        .and(EMAIL_TOKENS.EXPIRES_AT.gt(at))
                        .returning()
                        .fetchOptional())
                .map(JooqEmailTokenStore::toEmailToken);
    }

    /** Marks them used at the database's transaction time; nothing reads that time but people. */
    @Override
    public void invalidateAll(UserId userId, TokenPurpose purpose) {
        StoreFailures.translated(() -> dsl.update(EMAIL_TOKENS)
                .set(EMAIL_TOKENS.USED_AT, DSL.currentOffsetDateTime())
                .where(unused(userId, purpose))
                .execute());
    }

    private static Condition unused(UserId userId, TokenPurpose purpose) {
        return EMAIL_TOKENS.USER_ID.eq(userId.value())
                .and(EMAIL_TOKENS.PURPOSE.eq(purpose.name()))
                .and(EMAIL_TOKENS.USED_AT.isNull());
    }

    /** Names the advisory lock of one user and purpose; a rare collision of its hash only serialises two issues. */
    private static String lockName(UserId userId, TokenPurpose purpose) {
        return "email_tokens:" + userId.value() + ":" + purpose.name();
    }

    private static EmailToken toEmailToken(EmailTokensRecord row) {
        return new EmailToken(new TokenDigest(row.getTokenDigest()), new UserId(row.getUserId()),
                new EmailAddress(row.getAddress()), TokenPurpose.valueOf(row.getPurpose()),
                Timestamps.fromDatabase(row.getCreatedAt()), Timestamps.fromDatabase(row.getExpiresAt()));
    }
}
