package dev.accounts.adapter.out.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.domain.user.Password;
import dev.accounts.domain.user.PasswordHash;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * How the configured choice becomes an engine, with the loader as the seam: a loader that fails the way JNA fails
 * (an {@link UnsatisfiedLinkError}) or the way a wrong library fails the self-test. The hashes are always real;
 * {@link NativeLibraryMissingTest} shows the same fallback with the library really missing.
 */
class Argon2EngineSelectionTest {

    private static final Argon2Parameters PARAMETERS = Argon2Parameters.OWASP;
    private static final Password PASSWORD = Password.of("correct horse battery staple");

    private static final NativeArgon2Loader MISSING_LIBRARY = parameters -> {
        throw new UnsatisfiedLinkError("Unable to load library 'argon2':\nlibargon2.so: cannot open shared object file");
    };
    private static final NativeArgon2Loader WRONG_LIBRARY = parameters -> {
        throw new IllegalStateException("libargon2 failed its self-test: its Argon2id differs from BouncyCastle's");
    };

    @Test
    void autoUsesNativeWhenTheLibraryLoads() {
        Argon2Engine engine = Argon2Engine.select(Argon2Implementation.AUTO, PARAMETERS, NativeArgon2Loader.ARGON2_JVM);

        assertThat(engine.implementation()).isEqualTo(Argon2Implementation.NATIVE);
        assertThat(engine.encoder()).isInstanceOf(NativeArgon2idPasswordEncoder.class);
    }

    @Test
    void autoFallsBackToBouncyCastleWhenTheLibraryCannotLoadAndSaysWhyInOneLine() {
        Argon2Engine engine = Argon2Engine.select(Argon2Implementation.AUTO, PARAMETERS, MISSING_LIBRARY);
        Argon2idPasswordHasher hasher = new Argon2idPasswordHasher(engine, PARAMETERS, 1);

        PasswordHash hash = hasher.hash(PASSWORD);

        assertThat(hasher.implementation()).isEqualTo(Argon2Implementation.JAVA);
        assertThat(engine.encoder()).isInstanceOf(Argon2PasswordEncoder.class);
        assertThat(hasher.describe()).contains("java (BouncyCastle)", "UnsatisfiedLinkError", "Unable to load library 'argon2'")
                .doesNotContain("\n", "cannot open shared object");
        assertThat(hasher.matches(PASSWORD, hash)).isTrue();
    }

    @Test
    void autoFallsBackWhenTheLibraryFailsItsSelfTest() {
        Argon2Engine engine = Argon2Engine.select(Argon2Implementation.AUTO, PARAMETERS, WRONG_LIBRARY);

        assertThat(engine.implementation()).isEqualTo(Argon2Implementation.JAVA);
        assertThat(engine.description()).contains("self-test");
    }

    @Test
    void nativeRefusesToStartWithoutTheLibraryRatherThanRunSlowerThanAskedFor() {
        assertThatThrownBy(() -> Argon2Engine.select(Argon2Implementation.NATIVE, PARAMETERS, MISSING_LIBRARY))
                .isInstanceOf(NativeArgon2UnavailableException.class)
                .hasMessageContaining("UnsatisfiedLinkError")
                .hasCauseInstanceOf(UnsatisfiedLinkError.class);
    }

    @Test
    void javaNeverTouchesTheNativeLibrary() {
        AtomicInteger loads = new AtomicInteger();
        NativeArgon2Loader counting = parameters -> {
            loads.incrementAndGet();
            return NativeArgon2Loader.ARGON2_JVM.load(parameters);
        };

        Argon2Engine engine = Argon2Engine.select(Argon2Implementation.JAVA, PARAMETERS, counting);

        assertThat(engine.implementation()).isEqualTo(Argon2Implementation.JAVA);
        assertThat(loads).hasValue(0);
    }

    @Test
    void anEngineIsNeverAuto() {
        assertThatThrownBy(() -> new Argon2Engine(Argon2Implementation.AUTO, new Argon2PasswordEncoder(16, 32, 1, 64, 1), "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
