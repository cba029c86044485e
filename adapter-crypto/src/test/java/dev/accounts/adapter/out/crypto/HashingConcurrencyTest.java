package dev.accounts.adapter.out.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.domain.user.Password;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * However many callers hash at once, the hashes run on at most {@code maxConcurrentHashes} threads of the hasher's
 * own. The encoder is the real BouncyCastle one (with a small memory cost, for speed), wrapped to note which thread
 * runs each hash and how many run together.
 */
class HashingConcurrencyTest {

    private static final Argon2Parameters SMALL = new Argon2Parameters(16, 32, 1, 1024, 1);

    @Test
    void runsHashesOnItsOwnThreadsAtMostTheAllowedNumberAtOnce() throws Exception {
        RecordingEncoder recording = new RecordingEncoder(Argon2Engine.javaEncoder(SMALL));
        Argon2idPasswordHasher hasher = new Argon2idPasswordHasher(
                new Argon2Engine(Argon2Implementation.JAVA, recording, "recorded"), SMALL, 2);
        Password password = Password.of("correct horse battery staple");

        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> results = IntStream.range(0, 16)
                    .mapToObj(i -> callers.submit(() -> hasher.matches(password, hasher.hash(password)))).toList();
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        }

        assertThat(recording.mostAtOnce.get()).isBetween(1, 2);
        assertThat(recording.threads).hasSizeLessThanOrEqualTo(2).allMatch(name -> name.startsWith("argon2id-"));
    }

    @Test
    void passesTheEncodersOwnFailureOnUnchanged() {
        IllegalArgumentException failure = new IllegalArgumentException("refused");
        PasswordEncoder failing = new RecordingEncoder(Argon2Engine.javaEncoder(SMALL)) {
            @Override
            public String encode(@Nullable CharSequence rawPassword) {
                throw failure;
            }
        };
        Argon2idPasswordHasher hasher = new Argon2idPasswordHasher(
                new Argon2Engine(Argon2Implementation.JAVA, failing, "failing"), SMALL, 1);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> hasher.hash(Password.of("correct horse battery staple")))
                .isSameAs(failure);
    }

    private static class RecordingEncoder implements PasswordEncoder {
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        private final PasswordEncoder real;

        RecordingEncoder(PasswordEncoder real) {
            this.real = real;
        }

        @Override
        public String encode(@Nullable CharSequence rawPassword) {
            return recorded(() -> real.encode(rawPassword));
        }

        @Override
        public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
            return recorded(() -> real.matches(rawPassword, encodedPassword));
        }

        private <T> T recorded(java.util.function.Supplier<T> hashing) {
            threads.add(Thread.currentThread().getName());
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                return hashing.get();
            } finally {
                running.decrementAndGet();
            }
        }
    }
}
