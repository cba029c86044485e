package dev.accounts.adapter.out.inmemory;

import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.user.DuplicateUserException;
import dev.accounts.domain.user.DuplicateUserException.Attribute;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import dev.accounts.domain.user.Username;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Users in memory, with the PostgreSQL store's uniqueness rules kept by the store itself: username and login address
 * are unique ignoring case (two indexes on their canonical forms, checked and written in one unit of work, so of
 * concurrent writers exactly one gets a name); a pending address is in no index.
 */
public final class InMemoryUserRepository implements UserRepository {

    private final InMemoryTransactions transactions;
    private final TransactionalMap<UserId, User> users;
    private final TransactionalMap<String, UserId> byUsername;
    private final TransactionalMap<String, UserId> byEmail;

    public InMemoryUserRepository(InMemoryTransactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.users = new TransactionalMap<>(transactions);
        this.byUsername = new TransactionalMap<>(transactions);
        this.byEmail = new TransactionalMap<>(transactions);
    }

    @Override
    public void add(User user) {
        transactions.inTransaction(() -> {
            if (users.get(user.id()).isPresent()) {
                throw new IllegalStateException("a user with id " + user.id() + " is stored already");
            }
            checkFreeFor(user);
            users.put(user.id(), user);
            byUsername.put(user.username().canonical(), user.id());
            byEmail.put(user.email().canonical(), user.id());
        });
    }

    @Override
    public Optional<User> findById(UserId id) {
        return users.get(id);
    }

    @Override
    public Optional<User> findByUsername(Username username) {
        // Index and row read as of one moment: a rename committed in between cannot pair a name with another user.
        return transactions.read(() -> byUsername.get(username.canonical()).flatMap(users::get));
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        return transactions.read(() -> byEmail.get(email.canonical()).flatMap(users::get));
    }

    @Override
    public void update(User user) {
        transactions.inTransaction(() -> {
            User stored = users.get(user.id())
                    .orElseThrow(() -> new IllegalStateException("no user " + user.id() + " to update"));
            checkFreeFor(user);
            reindex(byUsername, stored.username().canonical(), user.username().canonical(), user.id());
            reindex(byEmail, stored.email().canonical(), user.email().canonical(), user.id());
            users.put(user.id(), user);
        });
    }

    /** Every stored user, in the order they were added. */
    public List<User> all() {
        return users.query(stream -> stream.toList());
    }

    private void checkFreeFor(User user) {
        if (takenByAnother(byUsername, user.username().canonical(), user.id())) {
            throw new DuplicateUserException(Attribute.USERNAME);
        }
        if (takenByAnother(byEmail, user.email().canonical(), user.id())) {
            throw new DuplicateUserException(Attribute.EMAIL);
        }
    }

    private static boolean takenByAnother(TransactionalMap<String, UserId> index, String key, UserId id) {
        return index.get(key).filter(owner -> !owner.equals(id)).isPresent();
    }

    private static void reindex(TransactionalMap<String, UserId> index, String oldKey, String newKey, UserId id) {
        if (!oldKey.equals(newKey)) {
            index.remove(oldKey);
        }
        index.put(newKey, id);
    }
}
