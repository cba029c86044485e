package dev.accounts.adapter.out.mail;

import java.time.Duration;
import java.util.Objects;

/**
 * How long each kind of link works, so that a mail says what is true under the running configuration rather
 * than what the defaults would be.
 */
public record LinkLifetimes(Duration verification, Duration emailChange, Duration passwordReset) {

    public static final LinkLifetimes DEFAULTS =
            new LinkLifetimes(Duration.ofHours(24), Duration.ofHours(1), Duration.ofHours(1));

    public LinkLifetimes {
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(emailChange, "emailChange");
        Objects.requireNonNull(passwordReset, "passwordReset");
    }

    /** "24 hours", "1 hour", "90 minutes", "30 seconds": the largest unit that divides the duration. */
    static String inWords(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds > 0 && seconds % 3600 == 0) {
            return plural(seconds / 3600, "hour");
        }
        if (seconds > 0 && seconds % 60 == 0) {
            return plural(seconds / 60, "minute");
        }
        return plural(Math.max(seconds, 1), "second");
    }

    private static String plural(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }
}
