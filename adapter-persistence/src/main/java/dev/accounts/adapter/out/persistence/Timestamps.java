package dev.accounts.adapter.out.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Instants as PostgreSQL's timestamptz holds them: UTC, microseconds. */
final class Timestamps {

    private Timestamps() {
    }

    /**
     * Truncates rather than letting the server round, so a stored time is never later than the instant given
     * (a message due "now" is due to a claim made at the same "now").
     */
    static OffsetDateTime toDatabase(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    static Instant fromDatabase(OffsetDateTime timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
