package dev.accounts.domain.user;

import java.util.Locale;

/**
 * One RFC 5322 addr-spec such as {@code alice@example.com}: no display name, no comments, no whitespace,
 * local part at most 64 octets, the whole at most 254. Kept as typed (no lower-casing, {@code +tags} and
 * dots stay); two addresses that differ only in case are the same address, so {@code equals} ignores case.
 *
 * <p>Deliberately narrower than RFC 5322: a dot-atom local part only (no quoted strings) and a DNS host name
 * as domain (no address literals, no internationalised names), which is what mail providers accept for sign-up.
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;
    public static final int MAX_LOCAL_PART_LENGTH = 64;
    /** RFC 5322's atext besides letters and digits. */
    private static final String ATEXT_SYMBOLS = "!#$%&'*+/=?^_`{|}~-";
    private static final int MAX_LABEL_LENGTH = 63;

    public EmailAddress {
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException("must not be empty");
        }
        if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new InvalidValueException("must contain only printable ASCII characters and no spaces");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException("must be at most " + MAX_LENGTH + " characters long");
        }
        int at = value.lastIndexOf('@');
        if (at < 0) {
            throw new InvalidValueException("must be an address like name@example.com");
        }
        String local = value.substring(0, at);
        String domain = value.substring(at + 1);
        if (local.length() > MAX_LOCAL_PART_LENGTH) {
            throw new InvalidValueException("must have at most " + MAX_LOCAL_PART_LENGTH + " characters before the @");
        }
        if (!isDotAtom(local)) {
            throw new InvalidValueException("must be an address like name@example.com");
        }
        if (!isHostName(domain)) {
            throw new InvalidValueException("must have a domain name like example.com after the @");
        }
    }

    /** Runs of atext joined by single dots. */
    private static boolean isDotAtom(String local) {
        if (local.isEmpty() || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        return AsciiText.consistsOf(local,
                c -> c == '.' || AsciiText.isLetterOrDigit(c) || ATEXT_SYMBOLS.indexOf(c) >= 0);
    }

    private static boolean isHostName(String domain) {
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!isHostLabel(label)) {
                return false;
            }
        }
        return !AsciiText.consistsOf(labels[labels.length - 1], AsciiText::isDigit);
    }

    /** Letters, digits and inner hyphens, 1 to 63 of them. */
    private static boolean isHostLabel(String label) {
        return !label.isEmpty() && label.length() <= MAX_LABEL_LENGTH
                && AsciiText.isLetterOrDigit(label.charAt(0)) && AsciiText.isLetterOrDigit(label.charAt(label.length() - 1))
                && AsciiText.consistsOf(label, c -> c == '-' || AsciiText.isLetterOrDigit(c));
    }

    /** The form uniqueness is decided on. Only ASCII is allowed, so this matches PostgreSQL's lower(). */
    public String canonical() {
        return value.toLowerCase(Locale.ROOT);
    }

    public String localPart() {
        return value.substring(0, value.lastIndexOf('@'));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmailAddress that && canonical().equals(that.canonical());
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
