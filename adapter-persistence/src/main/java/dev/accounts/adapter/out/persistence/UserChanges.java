package dev.accounts.adapter.out.persistence;

import dev.accounts.domain.user.UserId;

/**
 * Told by this instance's repositories of each user whose row or profile a statement changes, so that what this
 * instance caches about the user can be dropped as soon as the change commits, without waiting for PostgreSQL's
 * notification of it: a client that changed its profile sees the change in its next request.
 */
@FunctionalInterface
public interface UserChanges {

    UserChanges NONE = user -> { };

    /** Called in the transaction that makes the change, which may still roll back. */
    void changing(UserId user);
}
