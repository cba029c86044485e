package dev.accounts.application.port.in.admin;

import java.util.List;
import java.util.Objects;

/**
 * One page of a listing, and the cursor that asks for the next one: null on the last page. A cursor is opaque: a client
 * passes it back as it got it, and must not build or edit one.
 */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }
}
