package dev.accounts.bootstrap.metrics;

import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.domain.user.Password;
import dev.accounts.domain.user.PasswordHash;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Times every hash and verification as {@code accounts.password.hashing} by {@code operation} ({@code hash},
 * {@code verify}), with histogram buckets: hashing is deliberately slow, and its time (the wait for a free hashing slot
 * included) is most of a sign-up's or a login's latency.
 */
final class TimedPasswordHasher implements PasswordHasher {

    static final String NAME = "accounts.password.hashing";
    /** Histogram buckets around the ~50 ms one Argon2id hash takes here, up to a queue of waiting hashes. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5)};

    private final PasswordHasher hasher;
    private final Timer hashing;
    private final Timer verifying;

    TimedPasswordHasher(PasswordHasher hasher, MeterRegistry registry) {
        this.hasher = hasher;
        this.hashing = timer("hash", "Time to hash a new password", registry);
        this.verifying = timer("verify", "Time to check a password against its hash", registry);
    }

    @Override
    public PasswordHash hash(Password password) {
        return hashing.record(() -> hasher.hash(password));
    }

    @Override
    public boolean matches(Password password, PasswordHash hash) {
        Boolean matches = verifying.record(() -> hasher.matches(password, hash));
        return Boolean.TRUE.equals(matches);
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        return hasher.needsRehash(hash);
    }

    private static Timer timer(String operation, String description, MeterRegistry registry) {
        return Timer.builder(NAME)
                .description(description)
                .tag("operation", operation)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }
}
