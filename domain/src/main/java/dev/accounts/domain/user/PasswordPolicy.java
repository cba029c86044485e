package dev.accounts.domain.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What makes a password acceptable for an account (OWASP ASVS 6.2, NIST SP 800-63B): a length in Unicode
 * code points after NFKC, not a common password, and not containing the username, the address's local part
 * or the service's name. No composition rules. Each broken rule is reported on its own line so the user
 * learns what to change.
 */
public final class PasswordPolicy {

    public static final int DEFAULT_MIN_LENGTH = 12;
    public static final int DEFAULT_MAX_LENGTH = 128;
    /** Inputs longer than this (in chars) are rejected by length without normalising or comparing them. */
    static final int NORMALIZATION_LIMIT = 4096;
    /** Shorter names than this are not searched for inside a password: "ab" would forbid too much. */
    private static final int MIN_SEARCHED_NAME = 3;

    private final int minLength;
    private final int maxLength;
    private final CommonPasswords commonPasswords;
    private final String serviceName;

    public PasswordPolicy(int minLength, int maxLength, CommonPasswords commonPasswords, String serviceName) {
        if (minLength < 1 || maxLength < minLength || maxLength > NORMALIZATION_LIMIT / 4) {
            throw new IllegalArgumentException("password lengths must satisfy 1 <= min <= max <= " + NORMALIZATION_LIMIT / 4);
        }
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.commonPasswords = Objects.requireNonNull(commonPasswords, "commonPasswords");
        this.serviceName = Objects.requireNonNull(serviceName, "serviceName");
    }

    public static PasswordPolicy defaults() {
        return new PasswordPolicy(DEFAULT_MIN_LENGTH, DEFAULT_MAX_LENGTH, CommonPasswords.bundled(), "Accounts");
    }

    public int minLength() {
        return minLength;
    }

    public int maxLength() {
        return maxLength;
    }

    /**
     * The rules this password breaks for an account with this username and address; empty when it is acceptable.
     * Either name may be null when it is not known (yet), and is then not checked.
     */
    public List<String> violations(Password password, Username username, EmailAddress email) {
        int length = password.length();
        if (length < minLength) {
            return List.of("must be at least " + minLength + " characters long");
        }
        if (length > maxLength) {
            // Nothing else is looked at: a huge input must cost nothing.
            return List.of("must be at most " + maxLength + " characters long");
        }
        List<String> broken = new ArrayList<>();
        if (commonPasswords.contains(password)) {
            broken.add("is too common: it appears in a list of frequently used passwords");
        }
        String lower = password.reveal().toLowerCase(Locale.ROOT);
        if (username != null && containsName(lower, username.value())) {
            broken.add("must not contain the username");
        }
        if (email != null && containsName(lower, email.localPart())) {
            broken.add("must not contain the email address");
        }
        if (containsName(lower, serviceName)) {
            broken.add("must not contain the name of the service");
        }
        return List.copyOf(broken);
    }

    private static boolean containsName(String lowerPassword, String name) {
        return name.length() >= MIN_SEARCHED_NAME && lowerPassword.contains(name.toLowerCase(Locale.ROOT));
    }
}
