package dev.accounts.adapter.out.persistence;

/**
 * Text from outside (a client address) made safe for one line of a {@code key=value} log: it cannot end the line,
 * start a new field or hide characters. Printable ASCII other than the space stays as it is, so a genuine address
 * reads unchanged; CR, LF and tab become {@code \r}, {@code \n}, {@code \t}; the backslash doubles, so an escape in
 * the input cannot pass for one made here; everything else (space, control and non-ASCII characters) becomes
 * {@code \}{@code uXXXX}.
 */
final class LoggedText {

    private LoggedText() {
    }

    /** The escaped text, cut to at most {@code maxLength} characters, never in the middle of an escape. */
    static String escaped(String text, int maxLength) {
        StringBuilder escaped = new StringBuilder(Math.min(text.length(), maxLength));
        for (int i = 0; i < text.length(); i++) {
            String unit = escape(text.charAt(i));
            if (escaped.length() + unit.length() > maxLength) {
                break;
            }
            escaped.append(unit);
        }
        return escaped.toString();
    }

    private static String escape(char c) {
        return switch (c) {
            case '\\' -> "\\\\";
            case '\r' -> "\\r";
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            default -> c > ' ' && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c);
        };
    }
}
