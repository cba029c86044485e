package dev.accounts.adapter.out.crypto;

import java.util.Objects;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The Argon2id code chosen at start-up: which one it is, the encoder that runs it, and, for the start-up log, why
 * it was chosen.
 *
 * @param implementation {@link Argon2Implementation#NATIVE} or {@link Argon2Implementation#JAVA}, never AUTO
 * @param encoder        writes and verifies Argon2id PHC strings
 * @param description    one line for operators, free of secrets
 */
record Argon2Engine(Argon2Implementation implementation, PasswordEncoder encoder, String description) {

    Argon2Engine {
        Objects.requireNonNull(implementation, "implementation");
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(description, "description");
        if (implementation == Argon2Implementation.AUTO) {
            throw new IllegalArgumentException("an engine is NATIVE or JAVA; AUTO is a choice, not an engine");
        }
    }

    static Argon2Engine java(Argon2Parameters parameters, String description) {
        return new Argon2Engine(Argon2Implementation.JAVA, javaEncoder(parameters), description);
    }

    /** BouncyCastle through Spring Security: always available, and the reference for hashes of other variants. */
    static PasswordEncoder javaEncoder(Argon2Parameters parameters) {
        return new Argon2PasswordEncoder(parameters.saltLength(), parameters.hashLength(), parameters.parallelism(),
                parameters.memoryKiB(), parameters.iterations());
    }

    /**
     * Picks the engine for a choice. {@code NATIVE} insists: when libargon2 is unusable the start must fail rather
     * than silently run at half the speed that was asked for. {@code AUTO} falls back to BouncyCastle and says why.
     *
     * @throws NativeArgon2UnavailableException for {@code NATIVE} when the library cannot load or fails its self-test
     */
    static Argon2Engine select(Argon2Implementation choice, Argon2Parameters parameters, NativeArgon2Loader loader) {
        if (choice == Argon2Implementation.JAVA) {
            return java(parameters, "java (BouncyCastle)");
        }
        try {
            NativeArgon2idPasswordEncoder encoder = new NativeArgon2idPasswordEncoder(loader.load(parameters), parameters);
            return new Argon2Engine(Argon2Implementation.NATIVE, encoder, "native (libargon2 through argon2-jvm)");
        } catch (LinkageError | RuntimeException e) {
            String reason = e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
            if (choice == Argon2Implementation.NATIVE) {
                throw new NativeArgon2UnavailableException(reason, e);
            }
            return java(parameters, "java (BouncyCastle), as native libargon2 is unavailable: " + reason);
        }
    }

    /** JNA's load errors list every path it tried, one a line; the first line says enough for a log. */
    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
