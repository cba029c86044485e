package dev.accounts.adapter.out.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.domain.user.Password;
import dev.accounts.domain.user.PasswordHash;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What the hasher promises, whichever engine computes the hashes; one subclass per engine runs it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class Argon2idPasswordHasherContract {

    private static final Password PASSWORD = Password.of("correct horse battery staple");

    private Argon2idPasswordHasher hasher;

    /** Each Argon2id hash costs tens of milliseconds, so the tests share one where they can. */
    private PasswordHash storedHash;

    abstract Argon2Implementation implementation();

    @BeforeAll
    void hashOnce() {
        hasher = Argon2idPasswordHasher.using(implementation(), Argon2Parameters.OWASP, 2);
        storedHash = hasher.hash(PASSWORD);
    }

    @Test
    void runsTheEngineItWasAskedFor() {
        assertThat(hasher.implementation()).isEqualTo(implementation());
        assertThat(hasher.describe()).startsWith("Argon2id m=19456 KiB, t=2, p=1, at most 2 at once, "
                + implementation().name().toLowerCase());
    }

    @Test
    void writesAPhcStringWithTheOwaspParameters() {
        // 16 bytes of salt and 32 of hash are 22 and 43 characters of unpadded base64.
        assertThat(storedHash.value()).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void matchesOnlyThePasswordTheHashWasMadeFrom() {
        assertThat(hasher.matches(PASSWORD, storedHash)).isTrue();
        assertThat(hasher.matches(Password.of("correct horse battery stapler"), storedHash)).isFalse();
    }

    @Test
    void saltsEveryHashSoTheSamePasswordHashesDifferently() {
        PasswordHash second = hasher.hash(PASSWORD);

        assertThat(second.value()).isNotEqualTo(storedHash.value());
        assertThat(salt(second)).isNotEqualTo(salt(storedHash));
    }

    @Test
    void asksForARehashOnlyOfHashesWeakerThanTheCurrentParameters() {
        PasswordHash weaker = Argon2idPasswordHasher.using(implementation(), new Argon2Parameters(16, 32, 1, 4096, 2), 1)
                .hash(PASSWORD);

        assertThat(hasher.matches(PASSWORD, weaker)).isTrue();
        assertThat(hasher.needsRehash(weaker)).isTrue();
        assertThat(hasher.needsRehash(storedHash)).isFalse();
    }

    @Test
    void treatsForeignAndMalformedHashesAsNotMatchingAndDueForARehash() {
        String[] notOurs = {
            "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy", // bcrypt
            "$argon2i$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
            "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA", // no hash part
            "$argon2id$v=19$m=19456,t=2$c29tZXNhbHRzb21lc2FsdA$aGFzaA", // no p
            "$argon2id$v=19$m=4,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2g", // m below 8 * p
            "$argon2id$v=19$m=19456,t=2,p=1$not*base64$aGFzaGhhc2g",
            "$argon2id$v=19$m=99999999,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2g", // would need 95 GiB
            "$",
        };
        for (String phc : notOurs) {
            PasswordHash hash = new PasswordHash(phc);
            assertThat(hasher.matches(PASSWORD, hash)).as(phc).isFalse();
            assertThat(hasher.needsRehash(hash)).as(phc).isTrue();
        }
    }

    @Test
    void neverPrintsTheHash() {
        assertThat(storedHash.toString()).doesNotContain(storedHash.value()).doesNotContain(salt(storedHash));
    }

    @Test
    void refusesParametersBelowArgon2sMinimumsAndZeroConcurrency() {
        assertThatThrownBy(() -> new Argon2Parameters(4, 32, 1, 19456, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2Parameters(16, 32, 4, 16, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Argon2idPasswordHasher.using(implementation(), Argon2Parameters.OWASP, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String salt(PasswordHash hash) {
        return hash.value().split("\\$")[4];
    }
}
