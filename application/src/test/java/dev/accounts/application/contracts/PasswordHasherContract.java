package dev.accounts.application.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.domain.user.Password;
import dev.accounts.domain.user.PasswordHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link PasswordHasher} promises: a hash matches the password it was made from and no other; it is
 * salted (two hashes of one password differ) and does not contain the password; a fresh hash needs no rehash; a hash
 * of another algorithm or in a shape the hasher does not know is answered (no match, needs a rehash), never thrown at.
 *
 * <p>A subclass gives the hasher under test. A real hasher is deliberately slow, so the contract hashes only a few
 * times (about ten hashes and verifications in all).
 */
public abstract class PasswordHasherContract {

    private static final Password PASSWORD = Password.of("correct horse battery staple");

    /** The hasher under test. */
    protected abstract PasswordHasher hasher();

    @Test
    void matchesThePasswordAHashWasMadeFrom() {
        PasswordHash hash = hasher().hash(PASSWORD);

        assertThat(hasher().matches(Password.of("correct horse battery staple"), hash)).isTrue();
    }

    @Test
    void matchesNoOtherPassword() {
        PasswordHash hash = hasher().hash(PASSWORD);

        assertThat(hasher().matches(Password.of("Correct horse battery staple"), hash)).as("another case").isFalse();
        assertThat(hasher().matches(Password.of("correct horse battery stapl"), hash)).as("a prefix").isFalse();
        assertThat(hasher().matches(Password.of(""), hash)).as("nothing").isFalse();
    }

    @Test
    void matchesAPasswordOutsideAscii() {
        Password unicode = Password.of("pässwörd mit ümlauten und 🔑 und 中文");

        assertThat(hasher().matches(unicode, hasher().hash(unicode))).isTrue();
    }

    @Test
    void saltsEachHashAndNeverKeepsThePasswordInIt() {
        PasswordHash first = hasher().hash(PASSWORD);
        PasswordHash second = hasher().hash(PASSWORD);

        assertThat(first.value()).isNotEqualTo(second.value()).doesNotContain(PASSWORD.reveal());
        assertThat(first.value()).as("a PHC string").startsWith("$");
    }

    @Test
    void needsNoRehashOfAFreshHash() {
        assertThat(hasher().needsRehash(hasher().hash(PASSWORD))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
            "$argon2id$v=19$m=notanumber,t=2,p=1$c2FsdA$aGFzaA",
            "$argon2id$",
            "$",
            "$unknown-algorithm$whatever"})
    void answersAForeignOrMalformedHashWithoutThrowing(String foreign) {
        PasswordHash hash = new PasswordHash(foreign);

        assertThat(hasher().matches(PASSWORD, hash)).isFalse();
        assertThat(hasher().needsRehash(hash)).isTrue();
    }
}
