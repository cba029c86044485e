package dev.accounts.adapter.out.crypto;

import de.mkammerer.argon2.Argon2Advanced;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.springframework.security.crypto.password.AbstractValidatingPasswordEncoder;

/**
 * Argon2id by libargon2, the reference C implementation, as a Spring Security {@code PasswordEncoder}. It writes
 * the same PHC string as {@code Argon2PasswordEncoder} ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, salt
 * and hash in unpadded base64) and hashes the same bytes (the password's UTF-8), so either encoder verifies what
 * the other wrote.
 *
 * <p>libargon2 runs the same algorithm as BouncyCastle in optimised C, without a JIT that may or may not compile
 * the inner loop well, so it hashes faster and at a steadier pace. It reads the cost from the stored string;
 * callers bound that cost before calling {@link #matches} (see {@link Argon2idPasswordHasher}).
 */
public final class NativeArgon2idPasswordEncoder extends AbstractValidatingPasswordEncoder {

    private final Argon2Advanced argon2;
    private final Argon2Parameters parameters;

    /** @param argon2 an argon2-jvm Argon2id instance made with the parameters' salt and hash lengths */
    NativeArgon2idPasswordEncoder(Argon2Advanced argon2, Argon2Parameters parameters) {
        this.argon2 = Objects.requireNonNull(argon2, "argon2");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    @Override
    protected String encodeNonNullPassword(String rawPassword) {
        byte[] bytes = rawPassword.getBytes(StandardCharsets.UTF_8);
        try {
            return argon2.hash(parameters.iterations(), parameters.memoryKiB(), parameters.parallelism(), bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    protected boolean matchesNonNull(String rawPassword, String encodedPassword) {
        // libargon2 reports an unreadable string as an error, not a mismatch; for a password check both mean "no".
        if (StoredArgon2Hash.parse(encodedPassword).filter(StoredArgon2Hash::isArgon2id).isEmpty()) {
            return false;
        }
        byte[] bytes = rawPassword.getBytes(StandardCharsets.UTF_8);
        try {
            // libargon2 decodes the PHC string itself and compares in constant time.
            return argon2.verify(encodedPassword, bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    protected boolean upgradeEncodingNonNull(String encodedPassword) {
        // Same rule as Argon2PasswordEncoder: less memory or fewer passes than configured; unreadable counts too.
        return StoredArgon2Hash.parse(encodedPassword)
                .map(stored -> stored.memoryKiB() < parameters.memoryKiB() || stored.iterations() < parameters.iterations())
                .orElse(true);
    }
}
