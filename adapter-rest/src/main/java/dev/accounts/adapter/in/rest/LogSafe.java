package dev.accounts.adapter.in.rest;

/** Makes client-supplied text safe for one log line: no forged lines (CR, LF), no control characters, bounded. */
final class LogSafe {

    private static final int MAX_LENGTH = 256;

    private LogSafe() {
    }

    static String escape(String untrusted) {
        if (untrusted == null) {
            return "null";
        }
        StringBuilder safe = new StringBuilder(Math.min(untrusted.length(), MAX_LENGTH) + 8);
        int i = 0;
        for (; i < untrusted.length() && safe.length() < MAX_LENGTH; i++) {
            char c = untrusted.charAt(i);
            if (c == '\r') {
                safe.append("\\r");
            } else if (c == '\n') {
                safe.append("\\n");
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                safe.append(String.format("\\u%04x", (int) c));
            } else {
                safe.append(c);
            }
        }
        if (i < untrusted.length()) {
            safe.append("...");
        }
        return safe.toString();
    }
}
