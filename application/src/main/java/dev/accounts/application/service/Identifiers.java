package dev.accounts.application.service;

import dev.accounts.domain.user.UserId;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Ids as clients send them in a path: anything that is not a UUID names nothing, so it is simply not found. */
final class Identifiers {

    /** The canonical form only: {@link UUID#fromString} also takes shortened groups such as {@code 1-2-3-4-5}. */
    private static final Pattern CANONICAL = Pattern.compile(
            "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    private Identifiers() {
    }

    static Optional<UUID> uuid(String text) {
        return text != null && CANONICAL.matcher(text).matches() ? Optional.of(UUID.fromString(text)) : Optional.empty();
    }

    static Optional<UserId> userId(String text) {
        return uuid(text).map(UserId::new);
    }
}
