package dev.accounts.adapter.out.crypto;

import dev.accounts.domain.user.Password;
import dev.accounts.domain.user.PasswordHash;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Run in a separate JVM by {@link NativeLibraryMissingTest}: builds the hasher for the choice in {@code args[0]},
 * hashes once, and prints the engine and whether BouncyCastle verifies the hash. Exit status 3 when the choice
 * cannot be served.
 */
public final class HasherChoiceProbe {

    private HasherChoiceProbe() {
    }

    public static void main(String[] args) {
        try {
            Argon2idPasswordHasher hasher = Argon2idPasswordHasher.using(Argon2Implementation.valueOf(args[0]),
                    Argon2Parameters.OWASP, 1);
            Password password = Password.of("correct horse battery staple");
            PasswordHash hash = hasher.hash(password);
            boolean verified = new Argon2PasswordEncoder(16, 32, 1, 19456, 2).matches(password.reveal(), hash.value());
            System.out.println("implementation=" + hasher.implementation());
            System.out.println("verifiedByBouncyCastle=" + verified);
            System.out.println("describe=" + hasher.describe());
        } catch (NativeArgon2UnavailableException e) {
            System.out.println("unavailable=" + e.getMessage());
            System.exit(3);
        }
    }
}
