package dev.accounts.application.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the throttle holds for some keys at one instant, read at once.
 *
 * @param blockedUntil the latest instant until which any of the keys is blocked, when that is after the instant read
 * @param remembered   the keys with failures counted or a block set, which a {@link LoginThrottle#reset} would forget
 */
public record ThrottleStanding(Optional<Instant> blockedUntil, Set<ThrottleKey> remembered) {

    /** Keys the throttle knows nothing of. */
    public static final ThrottleStanding CLEAR = new ThrottleStanding(Optional.empty(), Set.of());

    public ThrottleStanding {
        Objects.requireNonNull(blockedUntil, "blockedUntil");
        remembered = Set.copyOf(remembered);
    }
}
