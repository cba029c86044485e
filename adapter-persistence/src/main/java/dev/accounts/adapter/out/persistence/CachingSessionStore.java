package dev.accounts.adapter.out.persistence;

import dev.accounts.application.port.out.SessionStore;
import dev.accounts.application.port.out.SignedInSession;
import dev.accounts.domain.user.Session;
import dev.accounts.domain.user.TokenDigest;
import dev.accounts.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Keeps the sessions this instance has just authenticated in memory, with their user and profile, so that a client
 * that sends one request after another costs one read of PostgreSQL every {@link #MAX_AGE} instead of one per
 * request. Authenticating is the one read every authenticated request makes, and the busiest path of the service.
 *
 * <p>A revocation must still end a session at once, on every instance. So an entry is served only while the
 * {@link SessionChangeFeed} hears PostgreSQL's notifications, and a notification drops the user's entries: a
 * session ended, a user changed or a profile saved on any instance is seen everywhere a notification's delivery
 * later (milliseconds), and on this instance as soon as its transaction commits. When the feed goes deaf (the
 * database down or out of reach) everything is dropped and every read goes to PostgreSQL, as without the cache.
 *
 * <p>A read of PostgreSQL that a change overtakes must not put back what the change dropped: every drop advances
 * {@link #drops}, and an entry read before a drop is not kept.
 *
 * <p>Entries are also indexed by user ({@link #byUser}), because every registration and every profile or account
 * change drops one user's entries, here at commit and again on the notification: walking all of a full cache for
 * each (up to {@link #CAPACITY} entries) was a tenth of the service's Java samples outside the hasher threads in a
 * flight recording of registrations. The index may name a digest whose entry is gone; it never misses one that is kept.
 */
public final class CachingSessionStore implements SessionStore, SessionChangeFeed.Subscriber, UserChanges {

    /**
     * How long an entry is served before PostgreSQL is read again. Notifications keep entries right; the age bounds
     * what a lost notification could cost, and keeps the last use this instance knows within the idle timeout's
     * reach of the one recorded by other instances.
     */
    public static final Duration MAX_AGE = Duration.ofSeconds(30);
    /** Sessions used within {@link #MAX_AGE}, kept at most; past that, reads go to PostgreSQL (about 1 KiB each, estimated). */
    public static final int CAPACITY = 10_000;
    private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);

    private final SessionStore store;
    private final long maxAgeNanos;
    private final int capacity;
    private final ConcurrentHashMap<TokenDigest, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<UserId, Set<TokenDigest>> byUser = new ConcurrentHashMap<>();
    private final AtomicLong drops = new AtomicLong();
    private final AtomicLong lastSweep = new AtomicLong(System.nanoTime() - SWEEP_INTERVAL.toNanos());
    private final LongAdder served = new LongAdder();
    private final LongAdder read = new LongAdder();
    private volatile boolean hearing;

    private record Entry(SignedInSession signedIn, long readAtNanos) {

        UserId user() {
            return signedIn.user().id();
        }

        Entry usedAt(Instant when) {
            Session used = signedIn.session().usedAt(when);
            return new Entry(new SignedInSession(used, signedIn.user(), signedIn.profile()), readAtNanos);
        }
    }

    public CachingSessionStore(SessionStore store) {
        this(store, MAX_AGE, CAPACITY);
    }

    CachingSessionStore(SessionStore store, Duration maxAge, int capacity) {
        this.store = Objects.requireNonNull(store, "store");
        this.maxAgeNanos = maxAge.toNanos();
        this.capacity = capacity;
    }

    @Override
    public Optional<SignedInSession> findSignedIn(TokenDigest digest) {
        if (hearing) {
            Entry entry = entries.get(digest);
            if (entry != null && isFresh(entry, System.nanoTime())) {
                served.increment();
                return Optional.of(entry.signedIn());
            }
        }
        read.increment();
        long dropsBefore = drops.get();
        Optional<SignedInSession> found = store.findSignedIn(digest);
        found.ifPresent(signedIn -> keep(digest, new Entry(signedIn, System.nanoTime()), dropsBefore));
        return found;
    }

    private void keep(TokenDigest digest, Entry entry, long dropsBefore) {
        if (!hearing || drops.get() != dropsBefore || !roomFor(digest)) {
            return;
        }
        entries.put(digest, entry);
        index(entry.user(), digest);
        // A drop between the check above and the indexing may have missed this entry: take it out again.
        if (drops.get() != dropsBefore && entries.remove(digest, entry)) {
            unindex(entry.user(), digest);
        }
    }

    /** Per user, atomically: a set emptied by {@link #unindex} is removed in the same step, never added to after. */
    private void index(UserId user, TokenDigest digest) {
        byUser.compute(user, (key, digests) -> {
            Set<TokenDigest> kept = digests == null ? ConcurrentHashMap.newKeySet() : digests;
            kept.add(digest);
            return kept;
        });
    }

    /**
     * Only while no entry holds the digest: a read may have kept it again since it was removed (a sweep does not
     * count as a drop), and the index must not lose it, or a later change of the user would leave it served.
     */
    private void unindex(UserId user, TokenDigest digest) {
        byUser.computeIfPresent(user, (key, digests) -> {
            if (!entries.containsKey(digest)) {
                digests.remove(digest);
            }
            return digests.isEmpty() ? null : digests;
        });
    }

    private boolean isFresh(Entry entry, long now) {
        return now - entry.readAtNanos() < maxAgeNanos;
    }

    /**
     * A full cache sweeps out its stale entries, at most once a second: with more sessions in use than it can hold,
     * a sweep on every miss would make each miss walk the whole map.
     */
    private boolean roomFor(TokenDigest digest) {
        if (entries.size() < capacity || entries.containsKey(digest)) {
            return true;
        }
        long now = System.nanoTime();
        long last = lastSweep.get();
        if (now - last >= SWEEP_INTERVAL.toNanos() && lastSweep.compareAndSet(last, now)) {
            entries.forEach((kept, entry) -> {
                if (!isFresh(entry, now) && entries.remove(kept, entry)) {
                    unindex(entry.user(), kept);
                }
            });
        }
        return entries.size() < capacity;
    }

    @Override
    public void add(Session session) {
        store.add(session);
    }

    /** Moves the kept copy's last use as well, or every request would touch again until the entry is read anew. */
    @Override
    public void touch(TokenDigest digest, Instant lastUsedAt) {
        store.touch(digest, lastUsedAt);
        entries.computeIfPresent(digest, (key, entry) -> entry.usedAt(lastUsedAt));
    }

    @Override
    public boolean revoke(TokenDigest digest) {
        boolean revoked = store.revoke(digest);
        AfterCommit.run(() -> drop(digest));
        return revoked;
    }

    @Override
    public int revokeAll(UserId userId) {
        int revoked = store.revokeAll(userId);
        changing(userId);
        return revoked;
    }

    @Override
    public int revokeAllExcept(UserId userId, TokenDigest keep) {
        int revoked = store.revokeAllExcept(userId, keep);
        changing(userId);
        return revoked;
    }

    @Override
    public void changing(UserId user) {
        AfterCommit.run(() -> changed(user));
    }

    @Override
    public void hearing() {
        changedAll();
        hearing = true;
    }

    @Override
    public void changed(UserId user) {
        drops.incrementAndGet();
        Set<TokenDigest> digests = byUser.remove(user);
        if (digests != null) {
            digests.forEach(entries::remove);
        }
    }

    @Override
    public void changedAll() {
        drops.incrementAndGet();
        entries.clear();
        byUser.clear();
    }

    @Override
    public void deaf() {
        hearing = false;
        changedAll();
    }

    private void drop(TokenDigest digest) {
        drops.incrementAndGet();
        Entry dropped = entries.remove(digest);
        if (dropped != null) {
            unindex(dropped.user(), digest);
        }
    }

    /** Whether sessions are served from memory: only while the feed hears. */
    public boolean isHearing() {
        return hearing;
    }

    /** Sessions kept at the moment, fresh or not yet swept. */
    public int size() {
        return entries.size();
    }

    /** Look-ups answered from memory since the start. */
    public long servedFromMemory() {
        return served.sum();
    }

    /** Look-ups that read PostgreSQL since the start. */
    public long readFromStore() {
        return read.sum();
    }
}
