package dev.accounts.application.port.out;

import dev.accounts.domain.user.Password;
import dev.accounts.domain.user.PasswordHash;

/** One-way, salted, deliberately slow hashing of passwords. */
public interface PasswordHasher {

    PasswordHash hash(Password password);

    /** Whether the password is the one the hash was made from; never throws for a wrong password. */
    boolean matches(Password password, PasswordHash hash);

    /** Whether the hash was made with weaker parameters (or another algorithm) than the current ones. */
    boolean needsRehash(PasswordHash hash);
}
