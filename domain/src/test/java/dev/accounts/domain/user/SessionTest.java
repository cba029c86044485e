package dev.accounts.domain.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionTest {

    private static final Instant LOGIN = Instant.parse("2026-11-21T08:00:00Z");
    private static final Duration ABSOLUTE = Duration.ofHours(24);
    private static final Duration IDLE = Duration.ofHours(2);
    private final Session session = Session.start(SecretToken.generate().digest(),
            UserId.generate(Clock.fixed(LOGIN, ZoneOffset.UTC)), LOGIN, ABSOLUTE);

    @Test
    void isActiveUntilTheIdleTimeoutUnlessUsed() {
        assertThat(session.isActiveAt(LOGIN.plus(IDLE).minusSeconds(1), IDLE)).isTrue();
        assertThat(session.isActiveAt(LOGIN.plus(IDLE), IDLE)).isFalse();
    }

    @Test
    void useKeepsItAliveButNeverPastTheAbsoluteLifetime() {
        Session usedLate = new Session(session.digest(), session.userId(), LOGIN, session.expiresAt(),
                LOGIN.plus(ABSOLUTE).minusSeconds(60));
        assertThat(usedLate.isActiveAt(LOGIN.plus(ABSOLUTE).minusSeconds(1), IDLE)).isTrue();
        assertThat(usedLate.isActiveAt(LOGIN.plus(ABSOLUTE), IDLE)).isFalse();
    }

    @Test
    void aUseMovesTheLastUseForwardOnly() {
        Instant later = LOGIN.plusSeconds(90);
        assertThat(session.usedAt(later).lastUsedAt()).isEqualTo(later);
        assertThat(session.usedAt(later).usedAt(LOGIN).lastUsedAt()).isEqualTo(later);
        assertThat(session.usedAt(LOGIN)).isSameAs(session);
    }
}
