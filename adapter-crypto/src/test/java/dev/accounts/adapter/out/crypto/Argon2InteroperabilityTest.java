package dev.accounts.adapter.out.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.domain.user.Password;
import dev.accounts.domain.user.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Native libargon2 and BouncyCastle must read each other's hashes, or switching engines would lock users out. */
class Argon2InteroperabilityTest {

    /** Non-ASCII on purpose: both sides must hash the same UTF-8 bytes, not some platform charset's. */
    private static final String RAW = "Grüße, Ωmega — 密码 correct horse";
    private static final Password PASSWORD = Password.of(RAW);

    private static final PasswordEncoder BOUNCY_CASTLE = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
    private static NativeArgon2idPasswordEncoder nativeEncoder;

    @BeforeAll
    static void loadNativeLibrary() {
        nativeEncoder = new NativeArgon2idPasswordEncoder(NativeArgon2Loader.ARGON2_JVM.load(Argon2Parameters.OWASP),
                Argon2Parameters.OWASP);
    }

    @Test
    void nativeWritesTheStandardPhcStringWithTheOwaspParameters() {
        assertThat(nativeEncoder.encode(RAW))
                .matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void bouncyCastleVerifiesWhatNativeWrote() {
        String written = nativeEncoder.encode(RAW);

        assertThat(BOUNCY_CASTLE.matches(RAW, written)).isTrue();
        assertThat(BOUNCY_CASTLE.matches(RAW + " ", written)).isFalse();
    }

    @Test
    void nativeVerifiesWhatBouncyCastleWrote() {
        String written = BOUNCY_CASTLE.encode(RAW);

        assertThat(nativeEncoder.matches(RAW, written)).isTrue();
        assertThat(nativeEncoder.matches(RAW + " ", written)).isFalse();
    }

    @Test
    void hashersOnEitherEngineVerifyEachOthersHashes() {
        Argon2idPasswordHasher viaNative = Argon2idPasswordHasher.using(Argon2Implementation.NATIVE, Argon2Parameters.OWASP, 1);
        Argon2idPasswordHasher viaJava = Argon2idPasswordHasher.using(Argon2Implementation.JAVA, Argon2Parameters.OWASP, 1);
        PasswordHash fromNative = viaNative.hash(PASSWORD);
        PasswordHash fromJava = viaJava.hash(PASSWORD);

        assertThat(viaJava.matches(PASSWORD, fromNative)).isTrue();
        assertThat(viaNative.matches(PASSWORD, fromJava)).isTrue();
        assertThat(viaNative.needsRehash(fromJava)).isFalse();
        assertThat(viaJava.needsRehash(fromNative)).isFalse();
    }

    @Test
    void nativeAsksForARehashOfWeakerHashesAsBouncyCastleDoes() {
        String weaker = new Argon2PasswordEncoder(16, 32, 1, 4096, 1).encode(RAW);
        String current = BOUNCY_CASTLE.encode(RAW);

        assertThat(nativeEncoder.upgradeEncoding(weaker)).isTrue().isEqualTo(BOUNCY_CASTLE.upgradeEncoding(weaker));
        assertThat(nativeEncoder.upgradeEncoding(current)).isFalse().isEqualTo(BOUNCY_CASTLE.upgradeEncoding(current));
    }

    @Test
    void nativeAnswersNoInsteadOfFailingOnHashesItCannotRead() {
        assertThat(nativeEncoder.matches(RAW, "$argon2id$v=19$m=19456,t=2,p=1$not*base64$aGFzaGhhc2g")).isFalse();
        assertThat(nativeEncoder.matches(RAW, "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy")).isFalse();
        assertThat(nativeEncoder.matches(RAW, "")).isFalse();
    }

    @Test
    void theHasherStillVerifiesTheOtherArgon2VariantsWhenNativeRuns() {
        Argon2idPasswordHasher viaNative = Argon2idPasswordHasher.using(Argon2Implementation.NATIVE, Argon2Parameters.OWASP, 1);
        PasswordHash argon2i = new PasswordHash(argon2iHash(RAW));

        assertThat(viaNative.matches(PASSWORD, argon2i)).isTrue();
        assertThat(viaNative.matches(Password.of(RAW + "!"), argon2i)).isFalse();
        assertThat(viaNative.needsRehash(argon2i)).isTrue();
    }

    /** A genuine Argon2i PHC string (Spring only writes Argon2id), made with BouncyCastle directly. */
    private static String argon2iHash(String raw) {
        byte[] salt = "sixteen byte slt".getBytes(StandardCharsets.US_ASCII);
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new org.bouncycastle.crypto.params.Argon2Parameters.Builder(
                org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_i)
                .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(4096).withIterations(2).withParallelism(1).build());
        byte[] hash = new byte[32];
        generator.generateBytes(raw.getBytes(StandardCharsets.UTF_8), hash);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return "$argon2i$v=19$m=4096,t=2,p=1$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }
}
