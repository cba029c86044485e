package dev.accounts.adapter.out.persistence;

import static dev.accounts.adapter.out.persistence.jooq.Tables.LOGIN_THROTTLE;

import dev.accounts.application.port.out.LoginThrottle;
import dev.accounts.application.port.out.ThrottleKey;
import dev.accounts.application.port.out.ThrottleStanding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.Result;
import org.jooq.impl.DSL;

/**
 * Login throttling state in the {@code login_throttle} table, one row per key, shared by every instance. Each call is
 * one statement, so concurrent failures from several instances are all counted. A key that does not fit the column
 * (longer than {@value #MAX_KEY_LENGTH} characters, or holding a NUL, which PostgreSQL text cannot) is stored as its
 * SHA-256, so an odd client address is still throttled instead of failing the login.
 */
public final class JooqLoginThrottle implements LoginThrottle {

    static final int MAX_KEY_LENGTH = 300;

    private final DSLContext dsl;

    public JooqLoginThrottle(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public ThrottleStanding standing(Collection<ThrottleKey> keys, Instant now) {
        if (keys.isEmpty()) {
            return ThrottleStanding.CLEAR;
        }
        Map<String, ThrottleKey> byStored = new HashMap<>();
        keys.forEach(key -> byStored.put(stored(key), key));
        Result<Record2<String, OffsetDateTime>> rows = StoreFailures.translated(() -> dsl
                .select(LOGIN_THROTTLE.THROTTLE_KEY, LOGIN_THROTTLE.BLOCKED_UNTIL)
                .from(LOGIN_THROTTLE)
                .where(LOGIN_THROTTLE.THROTTLE_KEY.in(byStored.keySet()))
                .fetch());
        Set<ThrottleKey> remembered = new HashSet<>();
        Optional<Instant> blockedUntil = Optional.empty();
        for (Record2<String, OffsetDateTime> row : rows) {
            remembered.add(byStored.get(row.value1()));
            Instant until = Timestamps.fromDatabase(row.value2());
            if (until != null && until.isAfter(now) && blockedUntil.map(until::isAfter).orElse(true)) {
                blockedUntil = Optional.of(until);
            }
        }
        return new ThrottleStanding(blockedUntil, remembered);
    }

    @Override
    public int recordFailure(ThrottleKey key, Instant now) {
        return recordFailures(List.of(key), now).getFirst();
    }

    /**
     * One {@code INSERT ... ON CONFLICT DO UPDATE ... RETURNING} for all the keys: PostgreSQL serialises concurrent
     * upserts of a key on its row, so each one adds exactly one and sees its own count. The rows are written in the
     * order of their stored keys, so two calls that share keys lock them in the same order and never deadlock.
     */
    @Override
    public List<Integer> recordFailures(List<ThrottleKey> keys, Instant now) {
        List<String> stored = keys.stream().map(JooqLoginThrottle::stored).toList();
        if (new HashSet<>(stored).size() != stored.size()) {
            // PostgreSQL refuses to update a row twice in one statement.
            throw new IllegalArgumentException("throttle keys must be distinct");
        }
        if (stored.isEmpty()) {
            return List.of();
        }
        OffsetDateTime at = Timestamps.toDatabase(now);
        var insert = dsl.insertInto(LOGIN_THROTTLE, LOGIN_THROTTLE.THROTTLE_KEY, LOGIN_THROTTLE.FAILURES,
                LOGIN_THROTTLE.UPDATED_AT);
        for (String key : stored.stream().sorted().toList()) {
            insert = insert.values(key, 1, at);
        }
        var upsert = insert;
        Map<String, Integer> counts = StoreFailures.translated(() -> upsert
                .onConflict(LOGIN_THROTTLE.THROTTLE_KEY)
                .doUpdate()
                // A run of failures must be recent: one long after the previous starts the count again.
                .set(LOGIN_THROTTLE.FAILURES, DSL.when(LOGIN_THROTTLE.UPDATED_AT.lt(
                                Timestamps.toDatabase(now.minus(LoginThrottle.FAILURE_MEMORY))), DSL.inline(1))
                        .otherwise(LOGIN_THROTTLE.FAILURES.plus(1)))
                .set(LOGIN_THROTTLE.UPDATED_AT, DSL.excluded(LOGIN_THROTTLE.UPDATED_AT))
                .returningResult(LOGIN_THROTTLE.THROTTLE_KEY, LOGIN_THROTTLE.FAILURES)
                .fetchMap(LOGIN_THROTTLE.THROTTLE_KEY, LOGIN_THROTTLE.FAILURES));
        return stored.stream().map(counts::get).toList();
    }

    /**
     * Only ever lengthens a block: of two failures racing, the one with the shorter wait may finish last, and must
     * not cut short the longer one. A key with no failures yet gets a row stamped with the database's time, as this
     * call has no "now" of its own.
     */
    @Override
    public void block(ThrottleKey key, Instant until) {
        StoreFailures.translated(() -> dsl.insertInto(LOGIN_THROTTLE)
                .set(LOGIN_THROTTLE.THROTTLE_KEY, stored(key))
                .set(LOGIN_THROTTLE.FAILURES, 0)
                .set(LOGIN_THROTTLE.BLOCKED_UNTIL, Timestamps.toDatabase(until))
                .set(LOGIN_THROTTLE.UPDATED_AT, DSL.currentOffsetDateTime())
                .onConflict(LOGIN_THROTTLE.THROTTLE_KEY)
                .doUpdate()
                .set(LOGIN_THROTTLE.BLOCKED_UNTIL,
                        DSL.greatest(LOGIN_THROTTLE.BLOCKED_UNTIL, DSL.excluded(LOGIN_THROTTLE.BLOCKED_UNTIL)))
                .execute());
    }

    @Override
    public void reset(ThrottleKey key) {
        StoreFailures.translated(() -> dsl.deleteFrom(LOGIN_THROTTLE)
                .where(LOGIN_THROTTLE.THROTTLE_KEY.eq(stored(key)))
                .execute());
    }

    /**
     * Housekeeping, not part of the port: every client address that ever failed a login leaves a row. Deletes the
     * rows not updated since {@code olderThan} whose block (if any) ended by then, and returns how many. A deleted
     * key starts again from zero failures, so {@code olderThan} is also how long a quiet key stays remembered (a day
     * is far beyond the longest wait).
     */
    public int deleteStale(Instant olderThan) {
        OffsetDateTime before = Timestamps.toDatabase(olderThan);
        return StoreFailures.translated(() -> dsl.deleteFrom(LOGIN_THROTTLE)
                .where(LOGIN_THROTTLE.UPDATED_AT.lt(before))
                .and(LOGIN_THROTTLE.BLOCKED_UNTIL.isNull().or(LOGIN_THROTTLE.BLOCKED_UNTIL.le(before)))
                .execute());
    }

    private static String stored(ThrottleKey key) {
        String value = key.value();
        return value.length() <= MAX_KEY_LENGTH && value.indexOf('\0') < 0 ? value : "sha256:" + sha256Hex(value);
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
