package dev.accounts.application.port.out;

import dev.accounts.domain.user.DuplicateUserException;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import dev.accounts.domain.user.Username;
import java.util.Optional;

/** Stores user aggregates. Uniqueness of username and address (ignoring case) is the store's to enforce. */
public interface UserRepository {

    /**
     * Stores a new user.
     *
     * @throws dev.accounts.domain.user.DuplicateUserException when another user has the username or address,
     *         ignoring case; decided atomically by the store, so concurrent calls cannot both succeed
     */
    void add(User user);

    Optional<User> findById(UserId id);

    /**
     * The user, locked against other transactions' changes until the surrounding transaction ends: what a use case
     * checked on the user before (the current password, say) can be checked again here and still holds when the
     * change is written. Call it inside {@link Transactions#inTransaction}. A store whose transactions run one at a
     * time locks by running them so; {@link #findById} is then enough, and is the default.
     */
    default Optional<User> findByIdForUpdate(UserId id) {
        return findById(id);
    }

    /** The user with this username, ignoring case. */
    Optional<User> findByUsername(Username username);

    /** The user whose login address is this one, ignoring case (a pending address does not count). */
    Optional<User> findByEmail(EmailAddress email);

    /**
     * Which of the two another user already has, ignoring case: the username when both are taken (the order in which
     * {@link #add} checks them), empty when neither is. What registration asks before it hashes; a store answers it
     * in one read where it can, as a refused registration is the request a client can repeat fastest.
     */
    default Optional<DuplicateUserException.Attribute> findTaken(Username username, EmailAddress email) {
        if (findByUsername(username).isPresent()) {
            return Optional.of(DuplicateUserException.Attribute.USERNAME);
        }
        return findByEmail(email).map(user -> DuplicateUserException.Attribute.EMAIL);
    }

    /**
     * Stores the new state of an existing user.
     *
     * @throws dev.accounts.domain.user.DuplicateUserException when the new username or address is taken, ignoring
     *         case, decided by the store's unique indexes
     * @throws IllegalStateException when no user with this id is stored
     */
    void update(User user);
}
