package dev.accounts.domain.user;

/**
 * What a user tells about themselves, kept apart from the data that authenticates them. Either part may be
 * absent (null). No control characters: these strings end up in pages and mails.
 */
public record Profile(String fullName, String bio) {

    public static final int MAX_FULL_NAME_LENGTH = 100;
    public static final int MAX_BIO_LENGTH = 500;
    public static final Profile EMPTY = new Profile(null, null);

    public Profile {
        check(fullName, MAX_FULL_NAME_LENGTH);
        check(bio, MAX_BIO_LENGTH);
    }

    /** Checks one part, so a caller can report each broken part against its own field. */
    public static void check(String text, int maxLength) {
        if (text == null) {
            return;
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            throw new InvalidValueException("must be at most " + maxLength + " characters long");
        }
        if (text.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL
                || Character.getType(c) == Character.SURROGATE || c == 0x2028 || c == 0x2029)) {
            throw new InvalidValueException("must not contain control characters or line breaks");
        }
    }
}
