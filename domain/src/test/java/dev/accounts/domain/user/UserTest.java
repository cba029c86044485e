package dev.accounts.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class UserTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:15:30Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final PasswordHash HASH = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");

    @Test
    void aRegisteredUserIsActiveUnverifiedAndNoSuperuser() {
        User user = User.register(UserId.generate(CLOCK), new Username("alice"), new EmailAddress("alice@example.com"), HASH, NOW);
        assertThat(user.active()).isTrue();
        assertThat(user.emailVerified()).isFalse();
        assertThat(user.superuser()).isFalse();
        assertThat(user.createdAt()).isEqualTo(NOW).isEqualTo(user.updatedAt());
    }

    @Test
    void restoringChecksTheSameInvariants() {
        UserId id = UserId.generate(CLOCK);
        assertThatThrownBy(() -> User.restore(id, null, new EmailAddress("a@example.com"), null, HASH, false, true, false, NOW, NOW))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> User.restore(id, new Username("alice"), new EmailAddress("a@example.com"), null, HASH, false, true,
                false, NOW, NOW.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neitherTheUserNorItsHashPrintTheHash() {
        User user = User.register(UserId.generate(CLOCK), new Username("alice"), new EmailAddress("alice@example.com"), HASH, NOW);
        assertThat(user.toString()).doesNotContain("argon2").doesNotContain("aGFzaA");
        assertThat(HASH.toString()).isEqualTo("PasswordHash[hidden]");
    }

    @Test
    void aHashMustBeAPhcString() {
        assertThatThrownBy(() -> new PasswordHash("plain text")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void generatedIdsAreVersionSevenAndOrderedByTime() {
        UserId earlier = UserId.generate(Clock.fixed(NOW, ZoneOffset.UTC));
        UserId later = UserId.generate(Clock.fixed(NOW.plusMillis(1), ZoneOffset.UTC));
        assertThat(earlier.value().version()).isEqualTo(7);
        assertThat(earlier.value().variant()).isEqualTo(2);
        assertThat(earlier.value().toString()).isLessThan(later.value().toString());
        assertThat(earlier.value().getMostSignificantBits() >>> 16).isEqualTo(NOW.toEpochMilli());
    }

    @Test
    void parsesIdsAndRejectsGarbage() {
        UserId id = UserId.generate(CLOCK);
        assertThat(UserId.parse(id.toString())).isEqualTo(id);
        assertThatThrownBy(() -> UserId.parse("not-a-uuid")).isInstanceOf(InvalidValueException.class);
    }
}
