package dev.accounts.adapter.in.rest;

import dev.accounts.application.port.in.admin.Page;
import java.util.List;
import java.util.function.Function;

/**
 * One page of an admin listing: its items, and the cursor that asks for the next page ({@code null} on the last one),
 * to be passed back as the {@code cursor} query parameter exactly as received.
 */
public record PageResponse<T>(List<T> items, String nextCursor) {

    static <V, T> PageResponse<T> from(Page<V> page, Function<V, T> item) {
        return new PageResponse<>(page.items().stream().map(item).toList(), page.nextCursor());
    }
}
