package dev.accounts.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.fixtures.Users;
import dev.accounts.application.port.in.InvalidCredentialsException;
import dev.accounts.application.port.in.LogInCommand;
import dev.accounts.application.port.in.NewSession;
import dev.accounts.domain.user.Password;
import dev.accounts.domain.user.SecretToken;
import dev.accounts.domain.user.Session;
import dev.accounts.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LogInServiceTest {

    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final User alice = accounts.register("Alice", "Alice@Example.com");

    @Test
    void logsInByUsernameInAnyCase() {
        NewSession session = logIn("aLiCe", Registrations.GOOD_PASSWORD);

        assertThat(accounts.authenticate.authenticate(session.token(), null).userId()).isEqualTo(alice.id());
    }

    @Test
    void logsInByEmailInAnotherCase() {
        NewSession session = logIn("alice@EXAMPLE.COM", Registrations.GOOD_PASSWORD);

        assertThat(accounts.authenticate.authenticate(session.token(), null).userId()).isEqualTo(alice.id());
    }

    @Test
    void storesOnlyTheDigestOfTheTokenWithADayToLive() {
        Instant now = accounts.clock.instant();
        NewSession session = logIn("Alice", Registrations.GOOD_PASSWORD);

        Session stored = accounts.sessions.of(alice.id()).getFirst();
        assertThat(stored.digest()).isEqualTo(SecretToken.parse(session.token()).digest());
        assertThat(stored.digest().hex()).doesNotContain(session.token());
        assertThat(session.expiresAt()).isEqualTo(stored.expiresAt())
                .isEqualTo(now.truncatedTo(ChronoUnit.MICROS).plus(Duration.ofHours(24)));
        assertThat(session.toString()).doesNotContain(session.token());
    }

    @Test
    void everyLoginOpensItsOwnSession() {
        NewSession first = logIn("Alice", Registrations.GOOD_PASSWORD);
        NewSession second = logIn("alice@example.com", Registrations.GOOD_PASSWORD);

        assertThat(first.token()).isNotEqualTo(second.token());
        assertThat(accounts.sessions.of(alice.id())).hasSize(2);
    }

    @Test
    void rejectsAWrongPasswordAfterOneVerification() {
        assertFailsAfterOneVerification("Alice", Registrations.GOOD_PASSWORD + "!");
    }

    @Test
    void rejectsAPasswordDifferingOnlyInCase() {
        assertFailsAfterOneVerification("Alice", Registrations.GOOD_PASSWORD.toUpperCase(Locale.ROOT));
    }

    @Test
    void rejectsAnUnknownUsernameAfterOneVerificationToo() {
        assertFailsAfterOneVerification("bob", Registrations.GOOD_PASSWORD);
    }

    @Test
    void rejectsAnUnknownAddressAfterOneVerificationToo() {
        assertFailsAfterOneVerification("bob@example.com", Registrations.GOOD_PASSWORD);
    }

    @Test
    void rejectsALoginThatIsNeitherAUsernameNorAnAddressLikeAnUnknownOne() {
        assertFailsAfterOneVerification("not a login!", Registrations.GOOD_PASSWORD);
        assertFailsAfterOneVerification("@@", Registrations.GOOD_PASSWORD);
        assertFailsAfterOneVerification(null, Registrations.GOOD_PASSWORD);
    }

    @Test
    void rejectsAMissingOrEmptyPasswordAfterOneVerification() {
        assertFailsAfterOneVerification("Alice", null);
        assertFailsAfterOneVerification("Alice", "");
    }

    @Test
    void rejectsAnInactiveAccountEvenWithTheRightPassword() {
        accounts.users.update(Users.deactivated(alice));

        assertFailsAfterOneVerification("Alice", Registrations.GOOD_PASSWORD);
    }

    @Test
    void rehashesAHashMadeWithWeakerParametersOnSuccess() {
        Password password = Password.of(Registrations.GOOD_PASSWORD);
        accounts.users.update(alice.withPasswordHash(accounts.hasher.weakHash(password), alice.updatedAt()));

        logIn("Alice", Registrations.GOOD_PASSWORD);

        User stored = accounts.user(alice.id());
        assertThat(accounts.hasher.needsRehash(stored.passwordHash())).isFalse();
        assertThat(accounts.hasher.matches(password, stored.passwordHash())).isTrue();
        assertThat(logIn("Alice", Registrations.GOOD_PASSWORD)).isNotNull();
    }

    @Test
    void keepsACurrentHashAsItIs() {
        User before = accounts.user(alice.id());
        accounts.clock.advance(Duration.ofMinutes(5));

        logIn("Alice", Registrations.GOOD_PASSWORD);

        User after = accounts.user(alice.id());
        assertThat(after.passwordHash()).isEqualTo(before.passwordHash());
        assertThat(after.updatedAt()).isEqualTo(before.updatedAt());
    }

    @Test
    void aWeakHashIsNotReplacedByAFailedLogin() {
        Password password = Password.of(Registrations.GOOD_PASSWORD);
        accounts.users.update(alice.withPasswordHash(accounts.hasher.weakHash(password), alice.updatedAt()));

        assertThatThrownBy(() -> logIn("Alice", "not the password at all"))
                .isInstanceOf(InvalidCredentialsException.class);

        assertThat(accounts.hasher.needsRehash(accounts.user(alice.id()).passwordHash())).isTrue();
    }

    @Test
    void aFailedLoginStoresNothing() {
        int transactionsBefore = accounts.transactions.count();

        assertThatThrownBy(() -> logIn("Alice", "wrong password here")).isInstanceOf(InvalidCredentialsException.class);

        assertThat(accounts.sessions.all()).isEmpty();
        assertThat(accounts.transactions.count()).isEqualTo(transactionsBefore);
    }

    private void assertFailsAfterOneVerification(String login, String password) {
        int before = accounts.hasher.hashCount();

        assertThatThrownBy(() -> logIn(login, password))
                .isInstanceOf(InvalidCredentialsException.class)
                .hasMessage(null);

        assertThat(accounts.hasher.hashCount() - before).as("verifications for login %s", login).isEqualTo(1);
        assertThat(accounts.sessions.all()).isEmpty();
    }

    private NewSession logIn(String login, String password) {
        return accounts.logIn.logIn(new LogInCommand(login, password));
    }
}
