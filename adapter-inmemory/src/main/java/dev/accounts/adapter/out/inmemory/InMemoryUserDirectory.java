package dev.accounts.adapter.out.inmemory;

import dev.accounts.application.port.out.UserDirectory;
import dev.accounts.application.port.out.UserSearch;
import dev.accounts.domain.user.User;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The admin search over the in-memory users: a scan of every user, filtered, sorted in the port's id order and cut
 * after the position and the limit. Names and addresses are compared by their canonical (lower-case) forms, the ones
 * the PostgreSQL store's {@code lower(...)} indexes hold; {@code startsWith} takes the prefix literally, as the
 * PostgreSQL adapter's escaped {@code LIKE} does.
 */
public final class InMemoryUserDirectory implements UserDirectory {

    private final InMemoryUserRepository users;

    public InMemoryUserDirectory(InMemoryUserRepository users) {
        this.users = Objects.requireNonNull(users, "users");
    }

    @Override
    public List<User> search(UserSearch search) {
        return users.all().stream()
                .filter(matching(search))
                .sorted((one, other) -> ID_ORDER.compare(one.id(), other.id()))
                .filter(user -> search.after() == null || ID_ORDER.compare(user.id(), search.after()) > 0)
                .limit(search.limit())
                .toList();
    }

    private static Predicate<User> matching(UserSearch search) {
        String prefix = search.prefix() == null ? null : search.prefix().toLowerCase(Locale.ROOT);
        return user -> (prefix == null || user.username().canonical().startsWith(prefix)
                        || user.email().canonical().startsWith(prefix))
                && (search.verified() == null || user.emailVerified() == search.verified())
                && (search.active() == null || user.active() == search.active());
    }
}
