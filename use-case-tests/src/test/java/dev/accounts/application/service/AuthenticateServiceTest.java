package dev.accounts.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.application.fixtures.Sessions;
import dev.accounts.application.fixtures.Users;
import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.UnauthenticatedException;
import dev.accounts.domain.user.SecretToken;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthenticateServiceTest {

    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final User alice = accounts.register("alice", "alice@example.com");
    private final String token = accounts.logInToken("alice");

    @Test
    void findsTheUserAndSessionBehindAFreshToken() {
        Authenticated authenticated = accounts.authenticate.authenticate(token, null);

        assertThat(authenticated.userId()).isEqualTo(alice.id());
        assertThat(authenticated.account().username()).isEqualTo(alice.username());
        assertThat(authenticated.session()).isEqualTo(SecretToken.parse(token).digest());
        assertThat(authenticated.clientAddress()).isNull();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "abc", "not-a-token-not-a-token-not-a-token-not-a-t!"})
    void rejectsAMissingOrMalformedToken(String bearer) {
        assertThatThrownBy(() -> accounts.authenticate.authenticate(bearer, null)).isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void rejectsAWellFormedTokenItNeverIssued() {
        String unknown = SecretToken.generate().reveal();

        assertThatThrownBy(() -> accounts.authenticate.authenticate(unknown, null)).isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void keepsASessionUsedWithinTheIdleTimeoutAlive() {
        for (int i = 0; i < 3; i++) {
            accounts.clock.advance(Duration.ofHours(2).minusSeconds(1));
            assertThat(accounts.authenticate.authenticate(token, null).userId()).isEqualTo(alice.id());
        }
    }

    @Test
    void endsASessionUnusedForTheIdleTimeoutAndRemovesIt() {
        accounts.clock.advance(Duration.ofHours(2));

        assertThatThrownBy(() -> accounts.authenticate.authenticate(token, null)).isInstanceOf(UnauthenticatedException.class);
        assertThat(accounts.sessions.all()).isEmpty();
    }

    @Test
    void endsASessionAtItsAbsoluteLifetimeThoughItIsInUse() {
        for (int hour = 1; hour < 24; hour++) {
            accounts.clock.advance(Duration.ofHours(1));
            accounts.authenticate.authenticate(token, null);
        }
        accounts.clock.advance(Duration.ofMinutes(59));
        accounts.authenticate.authenticate(token, null);
        accounts.clock.advance(Duration.ofMinutes(1));

        assertThatThrownBy(() -> accounts.authenticate.authenticate(token, null)).isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void recordsUseAtMostOnceAMinute() {
        Instant loggedIn = lastUsedAt();
        accounts.authenticate.authenticate(token, null);
        accounts.clock.advance(Duration.ofSeconds(59));
        accounts.authenticate.authenticate(token, null);
        assertThat(lastUsedAt()).as("a use recorded would have moved it forward").isEqualTo(loggedIn);

        accounts.clock.advance(Duration.ofSeconds(2));
        accounts.authenticate.authenticate(token, null);
        assertThat(lastUsedAt()).isEqualTo(accounts.clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    private Instant lastUsedAt() {
        return accounts.sessions.of(alice.id()).getFirst().lastUsedAt();
    }

    @Test
    void rejectsTheSessionOfADeactivatedUser() {
        accounts.users.update(Users.deactivated(alice));

        assertThatThrownBy(() -> accounts.authenticate.authenticate(token, null)).isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void rejectsASessionWhoseUserIsGone() {
        Sessions.Started orphan = Sessions.startedAt(new UserId(UUID.randomUUID()), accounts.clock.instant());
        accounts.sessions.add(orphan.session());

        assertThatThrownBy(() -> accounts.authenticate.authenticate(orphan.token().reveal(), null))
                .isInstanceOf(UnauthenticatedException.class);
    }
}
