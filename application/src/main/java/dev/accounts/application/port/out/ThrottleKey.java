package dev.accounts.application.port.out;

import dev.accounts.domain.user.UserId;
import java.util.Objects;

/**
 * What login failures are counted against: an existing account (never a login name that has no account, so that
 * failed guesses do not block a later registration of that name) or a client address.
 */
public record ThrottleKey(String value) {

    public ThrottleKey {
        Objects.requireNonNull(value, "value");
    }

    public static ThrottleKey account(UserId userId) {
        return new ThrottleKey("account:" + userId);
    }

    public static ThrottleKey client(String clientAddress) {
        return new ThrottleKey("client:" + clientAddress);
    }
}
