package dev.accounts.faults.harness;

import java.util.Locale;

/** The values of one sign-up; the scenarios make each unique from a prefix and a number. */
public record Registration(String username, String email, String password) {

    /** Long, uncommon, and free of the username, the address and the service name, as the policy wants. */
    public static final String PASSWORD = "quiet harbour lantern 73";

    /** {@code prefix-0042} at example.com, e.g. {@code s05-0042@example.com}. */
    public static Registration numbered(String prefix, int number) {
        String username = prefix + "-" + String.format(Locale.ROOT, "%04d", number);
        return new Registration(username, username + "@example.com", PASSWORD);
    }

    public String recipient() {
        return email.toLowerCase(Locale.ROOT);
    }
}
