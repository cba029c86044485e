package dev.accounts.domain.user;

import java.util.Locale;

/**
 * A username: 3 to 32 characters of {@code [A-Za-z0-9_-]}, kept as typed.
 * Two usernames that differ only in case are the same username, so {@code equals} ignores case.
 */
public record Username(String value) {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 32;

    public Username {
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException("must not be empty");
        }
        if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
            throw new InvalidValueException("must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long");
        }
        if (!AsciiText.consistsOf(value, AsciiText::isWordOrDash)) {
            throw new InvalidValueException("may contain only letters A-Z, digits, '_' and '-'");
        }
    }

    /** The form uniqueness is decided on. Only ASCII is allowed, so this matches PostgreSQL's lower(). */
    public String canonical() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Username that && canonical().equals(that.canonical());
    }

    @Override
    public int hashCode() {
        return canonical().hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
