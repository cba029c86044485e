package dev.accounts.domain.user;

import java.util.Random;
import java.util.UUID;

/** Builds version 7 UUIDs: 48 bits of Unix milliseconds, then 74 random bits. */
final class TimeOrderedUuid {

    private TimeOrderedUuid() {
    }

    static UUID next(long unixMillis, Random random) {
        long randA = random.nextLong() & 0x0FFFL;
        long mostSignificant = (unixMillis << 16) | 0x7000L | randA;
        long leastSignificant = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(mostSignificant, leastSignificant);
    }
}
