package dev.accounts.adapter.out.inmemory;

import dev.accounts.application.port.out.EmailTokenStore;
import dev.accounts.domain.user.EmailToken;
import dev.accounts.domain.user.TokenDigest;
import dev.accounts.domain.user.TokenPurpose;
import dev.accounts.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Mailed single-use tokens in memory, by digest only. {@code consume} checks and uses a token up in one unit of work,
 * so of any number of concurrent uses exactly one gets it, and a use inside a unit that fails is taken back with the
 * unit. Used, superseded and expired tokens stay, as rows do in PostgreSQL.
 */
public final class InMemoryEmailTokenStore implements EmailTokenStore {

    /** Why a stored token can no longer be used; {@code LIVE} when it still can (unless expired). */
    private enum State { LIVE, USED, INVALIDATED }

    private record Stored(EmailToken token, State state) {

        boolean liveFor(UserId userId, TokenPurpose purpose) {
            return state == State.LIVE && token.userId().equals(userId) && token.purpose() == purpose;
        }
    }

    private final InMemoryTransactions transactions;
    private final TransactionalMap<TokenDigest, Stored> tokens;

    public InMemoryEmailTokenStore(InMemoryTransactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.tokens = new TransactionalMap<>(transactions);
    }

    /** @throws IllegalStateException when a token with this digest is stored already, as a primary key would */
    @Override
    public void issue(EmailToken token) {
        transactions.inTransaction(() -> {
            if (tokens.get(token.digest()).isPresent()) {
                throw new IllegalStateException("a token with this digest is stored already");
            }
            invalidateAll(token.userId(), token.purpose());
            tokens.put(token.digest(), new Stored(token, State.LIVE));
        });
    }

    @Override
    public Optional<EmailToken> consume(TokenDigest digest, TokenPurpose purpose, Instant now) {
        return transactions.inTransaction(() -> tokens.get(digest)
                .filter(stored -> stored.state() == State.LIVE && stored.token().purpose() == purpose
                        && now.isBefore(stored.token().expiresAt()))
                .map(stored -> {
                    tokens.put(digest, new Stored(stored.token(), State.USED));
                    return stored.token();
                }));
    }

    @Override
    public void invalidateAll(UserId userId, TokenPurpose purpose) {
        transactions.inTransaction(() -> tokens
                .query(stream -> stream.filter(stored -> stored.liveFor(userId, purpose)).toList())
                .forEach(stored -> tokens.put(stored.token().digest(), new Stored(stored.token(), State.INVALIDATED))));
    }

    /** Every token ever issued, oldest first. */
    public List<EmailToken> all() {
        return tokens.query(stream -> stream.map(Stored::token).toList());
    }

    /** The user's tokens of this purpose that are neither used nor superseded (expired ones included), oldest first. */
    public List<EmailToken> unused(UserId userId, TokenPurpose purpose) {
        return tokens.query(stream -> stream.filter(stored -> stored.liveFor(userId, purpose)).map(Stored::token).toList());
    }
}
