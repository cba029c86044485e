package dev.accounts.adapter.out.inmemory;

import dev.accounts.application.port.out.ProfileRepository;
import dev.accounts.domain.user.Profile;
import dev.accounts.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;

/** Profiles in memory, one per user, replaced as a whole by each save. */
public final class InMemoryProfileRepository implements ProfileRepository {

    private final InMemoryTransactions transactions;
    private final TransactionalMap<UserId, Profile> profiles;

    public InMemoryProfileRepository(InMemoryTransactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.profiles = new TransactionalMap<>(transactions);
    }

    @Override
    public void save(UserId userId, Profile profile) {
        transactions.inTransaction(() -> profiles.put(userId, profile));
    }

    @Override
    public Profile find(UserId userId) {
        return saved(userId).orElse(Profile.EMPTY);
    }

    /** What was saved for the user; empty when nothing was, which {@link #find} cannot tell from a saved empty one. */
    public Optional<Profile> saved(UserId userId) {
        return profiles.get(userId);
    }
}
