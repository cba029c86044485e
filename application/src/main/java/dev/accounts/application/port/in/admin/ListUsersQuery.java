package dev.accounts.application.port.in.admin;

import dev.accounts.application.port.in.Authenticated;
import java.util.Objects;

/**
 * Which users to list. Every filter may be null, meaning "any": {@code q} is a prefix of the username or of the login
 * address, ignoring case (blank counts as null); {@code verified} and {@code active} must equal the account's. {@code
 * cursor} is null for the first page, else the {@link Page#nextCursor()} of the previous one; {@code limit} is null for
 * the default page size.
 */
public record ListUsersQuery(Authenticated current, String q, Boolean verified, Boolean active, String cursor,
                             Integer limit) {

    public ListUsersQuery {
        Objects.requireNonNull(current, "current");
    }

    /** The first page of every user, at the default size. */
    public static ListUsersQuery everyone(Authenticated current) {
        return new ListUsersQuery(current, null, null, null, null, null);
    }
}
