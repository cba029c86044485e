package dev.accounts.adapter.out.crypto;

import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.domain.user.Password;
import dev.accounts.domain.user.PasswordHash;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id (OWASP Password Storage, RFC 9106) writing PHC strings such as
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, computed by an {@link Argon2Engine}: native libargon2
 * ({@link NativeArgon2idPasswordEncoder}) or BouncyCastle (Spring Security's {@code Argon2PasswordEncoder}). Both
 * read and write the same strings, so hashes stay valid whichever engine runs.
 *
 * <p>Each hash holds {@code memoryKiB} of memory (19 MiB with {@link Argon2Parameters#OWASP}) for its whole
 * run. Requests may run on virtual threads, so nothing else bounds how many hashes run at once: a burst of
 * a few hundred registrations or logins would need gigabytes and end in an {@link OutOfMemoryError}. So hashes
 * run on {@code maxConcurrentHashes} threads of their own, and callers queue for them in arrival order. Hashing
 * is CPU-bound, so more threads than cores add memory without adding throughput.
 *
 * <p>Why threads of their own rather than a semaphore on the caller's thread: libargon2 allocates its 19 MiB with
 * {@code malloc}, and glibc keeps freed memory in an arena per calling thread. Hashed on 64 request threads, the
 * process kept about 280 MiB more resident than when the same hashes ran on two threads (64 callers for 20 s,
 * {@code -Xmx256m}: peak VmRSS 395 MiB with the hashes on the callers' threads, 113 MiB on two of the hasher's). A
 * caller on a virtual thread also just parks while it waits, instead of pinning a carrier thread for the length of
 * a native call.
 */
public final class Argon2idPasswordHasher implements PasswordHasher {

    /**
     * A stored hash may cost at most this many times the current memory and iterations. Stronger hashes than
     * the current ones are legitimate (parameters can be lowered), but a corrupt or planted row must not make
     * one login allocate gigabytes.
     */
    private static final int MAX_COST_FACTOR = 16;

    private final Argon2Parameters parameters;
    private final Argon2Engine engine;
    /** Verifies the other Argon2 variants (argon2i, argon2d), which libargon2's Argon2id entry point refuses. */
    private final PasswordEncoder otherVariants;
    private final int maxConcurrentHashes;
    private final ExecutorService hashingThreads;

    /** BouncyCastle's Argon2id, available everywhere. */
    public Argon2idPasswordHasher(Argon2Parameters parameters, int maxConcurrentHashes) {
        this(Argon2Engine.java(parameters, "java (BouncyCastle)"), parameters, maxConcurrentHashes);
    }

    Argon2idPasswordHasher(Argon2Engine engine, Argon2Parameters parameters, int maxConcurrentHashes) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        if (maxConcurrentHashes < 1) {
            throw new IllegalArgumentException("maxConcurrentHashes must be at least 1");
        }
        this.otherVariants = Argon2Engine.javaEncoder(parameters);
        this.maxConcurrentHashes = maxConcurrentHashes;
        this.hashingThreads = hashingThreads(maxConcurrentHashes);
    }

    /**
     * Platform daemon threads (they never hold up an exit), FIFO queue (first come, first hashed). Idle threads end
     * after a while; glibc hands a finished thread's arena to the next new one, so that does not add memory.
     */
    private static ExecutorService hashingThreads(int count) {
        ThreadFactory factory = Thread.ofPlatform().name("argon2id-", 1).daemon().factory();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(count, count, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), factory);
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /**
     * The hasher for a configured choice (see {@link Argon2Implementation}); loading libargon2 and its self-test
     * happen here, once.
     *
     * @throws NativeArgon2UnavailableException when {@code NATIVE} is demanded and libargon2 cannot run
     */
    public static Argon2idPasswordHasher using(Argon2Implementation choice, Argon2Parameters parameters,
                                               int maxConcurrentHashes) {
        return new Argon2idPasswordHasher(Argon2Engine.select(choice, parameters, NativeArgon2Loader.ARGON2_JVM),
                parameters, maxConcurrentHashes);
    }

    /** {@code NATIVE} or {@code JAVA}: the engine actually running. */
    public Argon2Implementation implementation() {
        return engine.implementation();
    }

    /** For the start-up log: the engine, and why it was chosen when that was not the one asked for. */
    public String describe() {
        return "Argon2id m=" + parameters.memoryKiB() + " KiB, t=" + parameters.iterations() + ", p="
                + parameters.parallelism() + ", at most " + maxConcurrentHashes + " at once, "
                + engine.description();
    }

    @Override
    public PasswordHash hash(Password password) {
        return new PasswordHash(onHashingThread(() -> engine.encoder().encode(password.reveal())));
    }

    @Override
    public boolean matches(Password password, PasswordHash hash) {
        Optional<StoredArgon2Hash> stored = StoredArgon2Hash.parse(hash.value()).filter(this::isAffordable);
        if (stored.isEmpty()) {
            return false;
        }
        PasswordEncoder verifier = stored.get().isArgon2id() ? engine.encoder() : otherVariants;
        return onHashingThread(() -> verifier.matches(password.reveal(), hash.value()));
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        return StoredArgon2Hash.parse(hash.value()).map(this::isWeaker).orElse(true);
    }

    private boolean isWeaker(StoredArgon2Hash stored) {
        return !stored.isArgon2id()
                || stored.version() < StoredArgon2Hash.CURRENT_VERSION
                || stored.saltLength() < parameters.saltLength()
                || stored.hashLength() < parameters.hashLength()
                || stored.memoryKiB() < parameters.memoryKiB()
                || stored.iterations() < parameters.iterations();
    }

    private boolean isAffordable(StoredArgon2Hash stored) {
        return stored.memoryKiB() <= (long) MAX_COST_FACTOR * parameters.memoryKiB()
                && stored.iterations() <= (long) MAX_COST_FACTOR * parameters.iterations();
    }

    private <T> T onHashingThread(Callable<T> hashing) {
        Future<T> result = hashingThreads.submit(hashing);
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to hash a password", e);
        } catch (ExecutionException e) {
            // The encoder's own failure, as if it had run on the caller's thread.
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("hashing failed", e.getCause());
        }
    }
}
