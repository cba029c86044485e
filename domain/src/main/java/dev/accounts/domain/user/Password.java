package dev.accounts.domain.user;

import java.text.Normalizer;
import java.util.Objects;

/**
 * A password in clear text, as a user typed it, normalised to NFKC so that the same characters typed on
 * different keyboards give the same password. Never prints itself: {@code toString} hides the value.
 * Whether a password is acceptable for an account is the {@link PasswordPolicy}'s call, not this type's.
 */
public final class Password {

    private final String normalized;

    private Password(String normalized) {
        this.normalized = normalized;
    }

    /**
     * Wraps a typed password. Inputs far longer than any policy allows are kept as they are instead of being
     * normalised, so that a megabyte of input costs nothing; the policy rejects them by length.
     */
    public static Password of(String typed) {
        Objects.requireNonNull(typed, "typed");
        if (typed.length() > PasswordPolicy.NORMALIZATION_LIMIT) {
            return new Password(typed);
        }
        return new Password(Normalizer.normalize(typed, Normalizer.Form.NFKC));
    }

    /** The normalised text, for the hasher and the policy only. */
    public String reveal() {
        return normalized;
    }

    public int length() {
        return normalized.codePointCount(0, normalized.length());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Password that && normalized.equals(that.normalized);
    }

    @Override
    public int hashCode() {
        return normalized.hashCode();
    }

    @Override
    public String toString() {
        return "Password[hidden]";
    }
}
