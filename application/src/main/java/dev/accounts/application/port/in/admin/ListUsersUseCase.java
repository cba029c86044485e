package dev.accounts.application.port.in.admin;

/**
 * Lists users for a superuser, a page at a time, in the order they registered (by their time-ordered ids). Pages
 * follow one another by cursor, so a user registered meanwhile neither shifts nor repeats a later page.
 */
public interface ListUsersUseCase {

    /** The default and the largest page size. */
    int DEFAULT_LIMIT = 50;
    int MAX_LIMIT = 200;
    /** The longest {@code q} accepted: the longest address. */
    int MAX_QUERY_LENGTH = 254;

    /**
     * @throws dev.accounts.application.port.in.ForbiddenException when the caller is not an active superuser
     * @throws dev.accounts.application.port.in.InvalidInputException when {@code q} is too long, the cursor was not
     *         made by this listing, or the limit is outside 1 to {@link #MAX_LIMIT}
     */
    Page<AdminUserView> listUsers(ListUsersQuery query);
}
