package dev.accounts.application.port.out;

import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
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
}
