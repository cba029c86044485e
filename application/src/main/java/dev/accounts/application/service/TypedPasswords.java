package dev.accounts.application.service;

import dev.accounts.domain.user.Password;
import java.util.Optional;

/** Passwords typed to prove who someone is (at login, or to confirm a sensitive change), before any hashing. */
final class TypedPasswords {

    /**
     * No {@link dev.accounts.domain.user.PasswordPolicy} allows more code points than this, so longer input cannot
     * be anyone's password and is refused without being hashed. A fixed ceiling rather than the configured maximum:
     * lowering that maximum must not lock out users whose password was set under the old one.
     */
    static final int LONGEST_POSSIBLE = 1024;

    private TypedPasswords() {
    }

    /** The password worth checking against a hash; empty when the input is missing, empty or impossibly long. */
    static Optional<Password> checkable(String typed) {
        if (typed == null || typed.isEmpty()) {
            return Optional.empty();
        }
        Password password = Password.of(typed);
        return password.length() <= LONGEST_POSSIBLE ? Optional.of(password) : Optional.empty();
    }
}
