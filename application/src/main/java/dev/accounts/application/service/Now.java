package dev.accounts.application.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The current time as the store keeps it. */
final class Now {

    private Now() {
    }

    /** PostgreSQL keeps microseconds: what a use case answers is then exactly what was stored. */
    static Instant of(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
