package dev.accounts.application.port.in.admin;

import dev.accounts.application.port.in.Authenticated;
import java.util.Objects;

/** Which page of dead mail to list: {@code cursor} and {@code limit} as in {@link ListUsersQuery}, null for the defaults. */
public record ListDeadMailQuery(Authenticated current, String cursor, Integer limit) {

    public ListDeadMailQuery {
        Objects.requireNonNull(current, "current");
    }
}
