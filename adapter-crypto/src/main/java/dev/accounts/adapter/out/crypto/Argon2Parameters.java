package dev.accounts.adapter.out.crypto;

/**
 * The cost of one Argon2id hash. Stored hashes carry their own parameters, so raising these later only
 * affects new hashes; older ones are recognised as weaker by {@link Argon2idPasswordHasher#needsRehash}.
 *
 * @param saltLength  random salt, in bytes
 * @param hashLength  derived key, in bytes
 * @param parallelism lanes (p)
 * @param memoryKiB   memory per hash, in KiB (m)
 * @param iterations  passes over the memory (t)
 */
public record Argon2Parameters(int saltLength, int hashLength, int parallelism, int memoryKiB, int iterations) {

    /** OWASP Password Storage Cheat Sheet, first Argon2id option: m=19 MiB, t=2, p=1; 16-byte salt, 32-byte hash. */
    public static final Argon2Parameters OWASP = new Argon2Parameters(16, 32, 1, 19456, 2);

    public Argon2Parameters {
        // The lower bounds are those of RFC 9106 (section 3.1); anything below them is not Argon2.
        if (saltLength < 8) {
            throw new IllegalArgumentException("saltLength must be at least 8 bytes");
        }
        if (hashLength < 4) {
            throw new IllegalArgumentException("hashLength must be at least 4 bytes");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        if (memoryKiB < 8 * parallelism) {
            throw new IllegalArgumentException("memoryKiB must be at least 8 * parallelism");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1");
        }
    }
}
