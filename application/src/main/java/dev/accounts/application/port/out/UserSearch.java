package dev.accounts.application.port.out;

import dev.accounts.domain.user.UserId;

/**
 * What {@link UserDirectory#search} looks for. Each criterion may be null, meaning "any". {@code prefix}: the username
 * or the login address (not a pending one) starts with it, ignoring case; taken literally ({@code _} and {@code %} are
 * plain characters). {@code verified}, {@code active}: the account's flag equals it. {@code after}: only users after
 * this id in {@link UserDirectory#ID_ORDER} (the last one of the previous page). {@code limit}: at most this many.
 */
public record UserSearch(String prefix, Boolean verified, Boolean active, UserId after, int limit) {

    public UserSearch {
        if (prefix != null && prefix.isEmpty()) {
            throw new IllegalArgumentException("an empty prefix matches everyone: pass null");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    /** Every user, the first {@code limit} of them. */
    public static UserSearch everyone(int limit) {
        return new UserSearch(null, null, null, null, limit);
    }
}
