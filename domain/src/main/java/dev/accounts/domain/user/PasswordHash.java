package dev.accounts.domain.user;

import java.util.Objects;

/**
 * A password hash as a PHC string ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), which carries its own
 * algorithm and parameters. Never prints itself.
 */
public record PasswordHash(String value) {

    public PasswordHash {
        Objects.requireNonNull(value, "value");
        if (!value.startsWith("$")) {
            throw new InvalidValueException("must be a PHC string");
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[hidden]";
    }
}
