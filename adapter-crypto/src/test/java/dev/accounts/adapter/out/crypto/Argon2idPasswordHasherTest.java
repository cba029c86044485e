package dev.accounts.adapter.out.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.domain.user.Password;
import dev.accounts.domain.user.PasswordHash;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Argon2idPasswordHasherTest {

    private static final Password PASSWORD = Password.of("correct horse battery staple");
    private static final Argon2idPasswordHasher HASHER = new Argon2idPasswordHasher(Argon2Parameters.OWASP, 2);

    /** Each Argon2id hash costs tens of milliseconds, so the tests share one where they can. */
    private static PasswordHash storedHash;

    @BeforeAll
    static void hashOnce() {
        storedHash = HASHER.hash(PASSWORD);
    }

    @Test
    void writesAPhcStringWithTheOwaspParameters() {
        // 16 bytes of salt and 32 of hash are 22 and 43 characters of unpadded base64.
        assertThat(storedHash.value()).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void matchesOnlyThePasswordTheHashWasMadeFrom() {
        assertThat(HASHER.matches(PASSWORD, storedHash)).isTrue();
        assertThat(HASHER.matches(Password.of("correct horse battery stapler"), storedHash)).isFalse();
    }

    @Test
    void saltsEveryHashSoTheSamePasswordHashesDifferently() {
        PasswordHash second = HASHER.hash(PASSWORD);

        assertThat(second.value()).isNotEqualTo(storedHash.value());
        assertThat(salt(second)).isNotEqualTo(salt(storedHash));
    }

    @Test
    void asksForARehashOnlyOfHashesWeakerThanTheCurrentParameters() {
        PasswordHash weaker = new Argon2idPasswordHasher(new Argon2Parameters(16, 32, 1, 4096, 2), 1).hash(PASSWORD);

        assertThat(HASHER.matches(PASSWORD, weaker)).isTrue();
        assertThat(HASHER.needsRehash(weaker)).isTrue();
        assertThat(HASHER.needsRehash(storedHash)).isFalse();
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
            assertThat(HASHER.matches(PASSWORD, hash)).as(phc).isFalse();
            assertThat(HASHER.needsRehash(hash)).as(phc).isTrue();
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
        assertThatThrownBy(() -> new Argon2idPasswordHasher(Argon2Parameters.OWASP, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String salt(PasswordHash hash) {
        return hash.value().split("\\$")[4];
    }
}
