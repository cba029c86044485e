package dev.accounts.adapter.out.inmemory;

import dev.accounts.application.port.out.SessionStore;
import dev.accounts.application.port.out.SignedInSession;
import dev.accounts.domain.user.Session;
import dev.accounts.domain.user.TokenDigest;
import dev.accounts.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Login sessions in memory, by the digest of their token (never the token). A revoked session is removed. */
public final class InMemorySessionStore implements SessionStore {

    private final InMemoryTransactions transactions;
    private final TransactionalMap<TokenDigest, Session> sessions;
    private final InMemoryUserRepository users;
    private final InMemoryProfileRepository profiles;

    /**
     * @param users    the users sessions belong to, as the PostgreSQL store's foreign key would have it
     * @param profiles their profiles, read with a session as the PostgreSQL store's join reads them
     */
    public InMemorySessionStore(InMemoryTransactions transactions, InMemoryUserRepository users,
            InMemoryProfileRepository profiles) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.users = Objects.requireNonNull(users, "users");
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.sessions = new TransactionalMap<>(transactions);
    }

    /** @throws IllegalStateException when a session with this digest is stored already, as a primary key would */
    @Override
    public void add(Session session) {
        transactions.inTransaction(() -> {
            if (sessions.get(session.digest()).isPresent()) {
                throw new IllegalStateException("a session with this digest is stored already");
            }
            sessions.put(session.digest(), session);
        });
    }

    /** All three read under one unit of work, so they are as one statement would see them. */
    @Override
    public Optional<SignedInSession> findSignedIn(TokenDigest digest) {
        return transactions.inTransaction(() -> sessions.get(digest).flatMap(session -> users.findById(session.userId())
                .map(user -> new SignedInSession(session, user, profiles.find(user.id())))));
    }

    @Override
    public void touch(TokenDigest digest, Instant lastUsedAt) {
        transactions.inTransaction(() -> sessions.get(digest)
                // Only forward: a request that was slow to arrive must not shorten the idle timeout a later one extended.
                .filter(session -> session.lastUsedAt().isBefore(lastUsedAt))
                .ifPresent(session -> sessions.put(digest, new Session(session.digest(), session.userId(),
                        session.createdAt(), session.expiresAt(), lastUsedAt))));
    }

    @Override
    public boolean revoke(TokenDigest digest) {
        return transactions.inTransaction(() -> {
            boolean present = sessions.get(digest).isPresent();
            sessions.remove(digest);
            return present;
        });
    }

    @Override
    public int revokeAll(UserId userId) {
        return transactions.inTransaction(() -> revokeAll(of(userId)));
    }

    @Override
    public int revokeAllExcept(UserId userId, TokenDigest keep) {
        return transactions.inTransaction(() -> revokeAll(of(userId).stream()
                .filter(session -> !session.digest().equals(keep)).toList()));
    }

    /** The user's live sessions, oldest first. */
    public List<Session> of(UserId userId) {
        return sessions.query(stream -> stream.filter(session -> session.userId().equals(userId)).toList());
    }

    /** Every stored session, oldest first. */
    public List<Session> all() {
        return sessions.query(stream -> stream.toList());
    }

    private int revokeAll(List<Session> ended) {
        ended.forEach(session -> sessions.remove(session.digest()));
        return ended.size();
    }
}
