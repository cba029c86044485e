package dev.accounts.adapter.out.crypto;

import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.domain.user.Password;
import dev.accounts.domain.user.PasswordHash;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id (OWASP Password Storage, RFC 9106) through Spring Security's encoder, which runs BouncyCastle's
 * implementation and writes PHC strings such as {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}.
 *
 * <p>Each hash holds {@code memoryKiB} of memory (19 MiB with {@link Argon2Parameters#OWASP}) for its whole
 * run. Requests may run on virtual threads, so nothing else bounds how many hashes run at once: a burst of
 * a few hundred registrations or logins would need gigabytes and end in an {@link OutOfMemoryError}. A fair
 * semaphore lets at most {@code maxConcurrentHashes} run; the others wait their turn in arrival order. Hashing
 * is CPU-bound, so more slots than cores adds memory without adding throughput.
 */
public final class Argon2idPasswordHasher implements PasswordHasher {

    /**
     * A stored hash may cost at most this many times the current memory and iterations. Stronger hashes than
     * the current ones are legitimate (parameters can be lowered), but a corrupt or planted row must not make
     * one login allocate gigabytes.
     */
    private static final int MAX_COST_FACTOR = 16;

    private final Argon2Parameters parameters;
    private final Argon2PasswordEncoder encoder;
    private final Semaphore slots;

    public Argon2idPasswordHasher(Argon2Parameters parameters, int maxConcurrentHashes) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        if (maxConcurrentHashes < 1) {
            throw new IllegalArgumentException("maxConcurrentHashes must be at least 1");
        }
        this.encoder = new Argon2PasswordEncoder(parameters.saltLength(), parameters.hashLength(),
                parameters.parallelism(), parameters.memoryKiB(), parameters.iterations());
        this.slots = new Semaphore(maxConcurrentHashes, true);
    }

    @Override
    public PasswordHash hash(Password password) {
        return new PasswordHash(withSlot(() -> encoder.encode(password.reveal())));
    }

    @Override
    public boolean matches(Password password, PasswordHash hash) {
        boolean verifiable = StoredArgon2Hash.parse(hash.value()).filter(this::isAffordable).isPresent();
        return verifiable && withSlot(() -> encoder.matches(password.reveal(), hash.value()));
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        return StoredArgon2Hash.parse(hash.value()).map(stored -> isWeaker(stored, hash)).orElse(true);
    }

    private boolean isWeaker(StoredArgon2Hash stored, PasswordHash hash) {
        return !stored.isArgon2id()
                || stored.version() < StoredArgon2Hash.CURRENT_VERSION
                || stored.saltLength() < parameters.saltLength()
                || stored.hashLength() < parameters.hashLength()
                // compares memory and iterations
                || encoder.upgradeEncoding(hash.value());
    }

    private boolean isAffordable(StoredArgon2Hash stored) {
        return stored.memoryKiB() <= (long) MAX_COST_FACTOR * parameters.memoryKiB()
                && stored.iterations() <= (long) MAX_COST_FACTOR * parameters.iterations();
    }

    private <T> T withSlot(Supplier<T> hashing) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to hash a password", e);
        }
        try {
            return hashing.get();
        } finally {
            slots.release();
        }
    }
}
