package dev.accounts.domain.user;

/**
 * Character classes of the ASCII-only values in this package. Tokens, digests and the user read back with a session
 * are checked on every authenticated request, where regular expressions took a sixth of the service's CPU samples (a
 * flight recording of {@code GET /api/users/me}); a loop over the characters costs next to nothing.
 */
final class AsciiText {

    private AsciiText() {
    }

    @FunctionalInterface
    interface CharClass {
        boolean contains(char c);
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLetterOrDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** {@code [A-Za-z0-9_-]}: the base64url alphabet, and the username one. */
    static boolean isWordOrDash(char c) {
        return isLetterOrDigit(c) || c == '_' || c == '-';
    }

    static boolean isLowerHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f');
    }

    /** Whether {@code text} is not empty and every character of it is in {@code allowed}. */
    static boolean consistsOf(String text, CharClass allowed) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!allowed.contains(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
