package dev.accounts.adapter.out.mail;

/**
 * Server replies and exception texts folded onto one short line, so that a log line stays one line (no forged
 * entries from CR/LF) and a stored error stays small.
 */
final class SingleLine {

    private static final int MAX_LENGTH = 200;

    private SingleLine() {
    }

    static String of(String text) {
        if (text == null) {
            return "(no details)";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH) + "...";
    }
}
