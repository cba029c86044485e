package dev.accounts.application.port.out;

import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import java.util.Comparator;
import java.util.List;

/**
 * Finds users by what a superuser searches for, a page at a time. Kept apart from {@link UserRepository}, which loads
 * and stores one aggregate: a listing is a different concern, and a store may answer it differently (with other
 * indexes, say). Runs inside the caller's transaction when there is one.
 */
public interface UserDirectory {

    /**
     * The order of a listing: ids compared as unsigned 128-bit numbers, which is how PostgreSQL orders {@code uuid}s
     * (byte by byte) and, for the time-ordered ids of {@link UserId#generate}, the order of registration.
     */
    Comparator<UserId> ID_ORDER = Comparator
            .comparing((UserId id) -> id.value().getMostSignificantBits(), Long::compareUnsigned)
            .thenComparing(id -> id.value().getLeastSignificantBits(), Long::compareUnsigned);

    /**
     * The users that match every criterion of {@code search}, in {@link #ID_ORDER}, only those after
     * {@link UserSearch#after()} when it is set, and at most {@link UserSearch#limit()} of them.
     */
    List<User> search(UserSearch search);
}
