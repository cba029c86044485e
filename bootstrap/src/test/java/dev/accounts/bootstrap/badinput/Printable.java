package dev.accounts.bootstrap.badinput;

/** Text made safe to print in a test report: control and non-ASCII characters escaped, long text cut. */
final class Printable {

    private Printable() {
    }

    static String of(String text, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '\\') {
                out.append(c);
            } else {
                out.append(String.format("\\x%02x", (int) c & 0xffff));
            }
        }
        if (out.length() >= max) {
            out.append("... (").append(text.length()).append(" in all)");
        }
        return out.toString();
    }
}
