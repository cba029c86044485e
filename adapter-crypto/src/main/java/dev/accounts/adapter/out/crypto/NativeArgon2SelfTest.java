package dev.accounts.adapter.out.crypto;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Version;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;

/**
 * One tiny Argon2id hash (64 KiB) of a fixed input by the native library, compared with BouncyCastle's. A library
 * that loads but is not the Argon2id we expect (another version, a broken build) would write hashes that nothing
 * else verifies; it is refused before it sees a password.
 */
final class NativeArgon2SelfTest {

    private static final int MEMORY_KIB = 64;
    private static final int ITERATIONS = 2;
    private static final int LENGTH = 32;
    private static final byte[] SALT = "accounts-self-test".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INPUT = "self-test input, not a password".getBytes(StandardCharsets.US_ASCII);

    private NativeArgon2SelfTest() {
    }

    /** @throws IllegalStateException when the native result differs */
    static void run(Argon2Advanced argon2) {
        byte[] nativeHash = argon2.rawHashAdvanced(ITERATIONS, MEMORY_KIB, 1, INPUT, SALT, null, null, LENGTH,
                Argon2Version.V13);
        if (!Arrays.equals(nativeHash, javaHash())) {
            throw new IllegalStateException("libargon2 failed its self-test: its Argon2id differs from BouncyCastle's");
        }
    }

    static byte[] javaHash() {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new org.bouncycastle.crypto.params.Argon2Parameters.Builder(
                org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(SALT).withMemoryAsKB(MEMORY_KIB).withIterations(ITERATIONS).withParallelism(1)
                .build());
        byte[] hash = new byte[LENGTH];
        generator.generateBytes(INPUT, hash);
        return hash;
    }
}
