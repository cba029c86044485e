package dev.accounts.application.service;

import dev.accounts.application.port.in.admin.ListUsersUseCase;
import dev.accounts.application.port.in.admin.Page;
import java.util.List;
import java.util.function.Function;

/** Page sizes and pages of the admin listings. */
final class PageRequests {

    private PageRequests() {
    }

    /** The page size asked for, the default when none was; records an error when it is out of range. */
    static int limit(Integer requested, FieldErrors errors) {
        if (requested == null) {
            return ListUsersUseCase.DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > ListUsersUseCase.MAX_LIMIT) {
            errors.add("limit", "must be between 1 and " + ListUsersUseCase.MAX_LIMIT);
            return ListUsersUseCase.DEFAULT_LIMIT;
        }
        return requested;
    }

    /**
     * A page from what a store found when asked for one more than {@code limit}: that extra row only tells that a next
     * page exists, whose cursor then points after the last row shown.
     */
    static <T, V> Page<V> page(List<T> found, int limit, Function<T, V> view, Function<T, String> cursorAfter) {
        if (found.size() <= limit) {
            return new Page<>(found.stream().map(view).toList(), null);
        }
        List<T> shown = found.subList(0, limit);
        return new Page<>(shown.stream().map(view).toList(), cursorAfter.apply(shown.getLast()));
    }
}
