package dev.accounts.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.ChangePasswordCommand;
import dev.accounts.application.port.in.FieldError;
import dev.accounts.application.port.in.InvalidCredentialsException;
import dev.accounts.application.port.in.InvalidInputException;
import dev.accounts.application.port.in.LogInCommand;
import dev.accounts.application.port.in.TooManyRequestsException;
import dev.accounts.application.port.in.UnauthenticatedException;
import dev.accounts.application.port.in.WrongPasswordException;
import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.application.port.out.ThrottleKey;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.audit.AuditOutcome;
import dev.accounts.domain.user.Password;
import dev.accounts.domain.user.PasswordHash;
import dev.accounts.domain.user.TokenPurpose;
import dev.accounts.domain.user.User;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChangePasswordServiceTest {

    private static final String NEW_PASSWORD = "an entirely new passphrase";
    private static final String WRONG = "not my password";
    private static final String CLIENT = "198.51.100.7";

    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final User alice = accounts.register("alice", "alice@example.com");
    private final String otherDevice = accounts.logInToken("alice");
    private final Authenticated current = accounts.signIn("alice", CLIENT);
    private final ThrottleKey aliceKey = ThrottleKey.account(alice.id());

    @Test
    void theNewPasswordLogsInAndTheOldOneNoLonger() {
        change(Registrations.GOOD_PASSWORD, NEW_PASSWORD);

        assertThat(accounts.logIn.logIn(new LogInCommand("alice", NEW_PASSWORD))).isNotNull();
        assertThatThrownBy(() -> accounts.logIn.logIn(new LogInCommand("alice", Registrations.GOOD_PASSWORD)))
                .isInstanceOf(InvalidCredentialsException.class);
    }

    @Test
    void keepsTheCurrentSessionAndEndsEveryOther() {
        change(Registrations.GOOD_PASSWORD, NEW_PASSWORD);

        assertThat(accounts.sessions.of(alice.id())).singleElement()
                .satisfies(session -> assertThat(session.digest()).isEqualTo(current.session()));
        assertThatThrownBy(() -> accounts.authenticate.authenticate(otherDevice, null)).isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void mailsANoticeAndKillsOpenResetLinks() {
        accounts.requestPasswordReset.requestPasswordReset("alice@example.com", null);

        change(Registrations.GOOD_PASSWORD, NEW_PASSWORD);

        assertThat(accounts.tokens.unused(alice.id(), TokenPurpose.PASSWORD_RESET)).isEmpty();
        assertThat(accounts.outbox.queuedFor(alice.email(), MailTemplate.PASSWORD_CHANGED_NOTICE)).hasSize(1);
    }

    @Test
    void aWrongOrMissingCurrentPasswordChangesNothing() {
        PasswordHash before = accounts.user(alice.id()).passwordHash();

        assertThatThrownBy(() -> change("not my password", NEW_PASSWORD)).isInstanceOf(WrongPasswordException.class);
        assertThatThrownBy(() -> change(null, NEW_PASSWORD)).isInstanceOf(WrongPasswordException.class);
        assertThatThrownBy(() -> change("", NEW_PASSWORD)).isInstanceOf(WrongPasswordException.class);

        assertThat(accounts.user(alice.id()).passwordHash()).isEqualTo(before);
        assertThat(accounts.sessions.of(alice.id())).hasSize(2);
        assertThat(accounts.outbox.queuedFor(alice.email(), MailTemplate.PASSWORD_CHANGED_NOTICE)).isEmpty();
    }

    @Test
    void rejectsANewPasswordThatBreaksThePolicyNamingTheRule() {
        assertThatThrownBy(() -> change(Registrations.GOOD_PASSWORD, "alice in wonderland"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .contains(new FieldError("newPassword", "must not contain the username")));
        assertThatThrownBy(() -> change(Registrations.GOOD_PASSWORD, "short"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("newPassword", "must be at least 12 characters long")));
        assertThatThrownBy(() -> change(Registrations.GOOD_PASSWORD, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("newPassword", "must not be empty")));
        assertThat(accounts.sessions.of(alice.id())).hasSize(2);
    }

    @Test
    void neverPrintsEitherPassword() {
        ChangePasswordCommand command = new ChangePasswordCommand(current, Registrations.GOOD_PASSWORD, NEW_PASSWORD);

        assertThat(command.toString()).doesNotContain(Registrations.GOOD_PASSWORD).doesNotContain(NEW_PASSWORD);
    }

    @Test
    void aWrongCurrentPasswordCountsAsAFailedLoginOfTheAccountAndTheClient() {
        assertThatThrownBy(() -> change(WRONG, NEW_PASSWORD)).isInstanceOf(WrongPasswordException.class);

        assertThat(accounts.throttle.failures(aliceKey)).isEqualTo(1);
        assertThat(accounts.throttle.failures(ThrottleKey.client(CLIENT))).isEqualTo(1);
    }

    @Test
    void theFifthWrongCurrentPasswordThrottlesTheAccountWithoutVerifyingTheNextOne() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> change(WRONG, NEW_PASSWORD)).isInstanceOf(WrongPasswordException.class);
        }
        int verificationsBefore = accounts.hasher.hashCount();

        assertThatThrownBy(() -> change(Registrations.GOOD_PASSWORD, NEW_PASSWORD))
                .isInstanceOfSatisfying(TooManyRequestsException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1)));

        assertThat(accounts.hasher.hashCount()).isEqualTo(verificationsBefore);
        assertThat(accounts.hasher.matches(Password.of(Registrations.GOOD_PASSWORD), accounts.user(alice.id()).passwordHash()))
                .isTrue();
    }

    @Test
    void failedLoginsThrottleAPasswordChangeOfTheSameAccount() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> accounts.logIn.logIn(new LogInCommand("alice", WRONG)))
                    .isInstanceOf(InvalidCredentialsException.class);
        }

        assertThatThrownBy(() -> change(Registrations.GOOD_PASSWORD, NEW_PASSWORD))
                .isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void wrongCurrentPasswordsThrottleLoginsToo() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> change(WRONG, NEW_PASSWORD)).isInstanceOf(WrongPasswordException.class);
        }

        assertThatThrownBy(() -> accounts.logIn.logIn(new LogInCommand("alice", Registrations.GOOD_PASSWORD)))
                .isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void aClientThrottledByOthersFailuresMayStillChangeItsOwnPassword() {
        for (int i = 0; i < 21; i++) {
            assertThatThrownBy(() -> accounts.logIn.logIn(new LogInCommand("nobody", WRONG, CLIENT)))
                    .isInstanceOf(InvalidCredentialsException.class);
        }

        change(Registrations.GOOD_PASSWORD, NEW_PASSWORD);

        assertThat(accounts.hasher.matches(Password.of(NEW_PASSWORD), accounts.user(alice.id()).passwordHash())).isTrue();
    }

    @Test
    void aSuccessfulChangeForgetsTheAccountsFailures() {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> change(WRONG, NEW_PASSWORD)).isInstanceOf(WrongPasswordException.class);
        }

        change(Registrations.GOOD_PASSWORD, NEW_PASSWORD);

        assertThat(accounts.throttle.failures(aliceKey)).isZero();
    }

    @Test
    void auditsTheChangeInItsTransactionAndAWrongPasswordOnItsOwn() {
        assertThatThrownBy(() -> change(WRONG, NEW_PASSWORD)).isInstanceOf(WrongPasswordException.class);
        change(Registrations.GOOD_PASSWORD, NEW_PASSWORD);

        assertThat(accounts.audit.events(AuditAction.PASSWORD_CHANGE))
                .extracting(AuditEvent::outcome, AuditEvent::userId, AuditEvent::clientAddress)
                .containsExactly(tuple(AuditOutcome.FAILURE, alice.id(), CLIENT), tuple(AuditOutcome.SUCCESS, alice.id(), CLIENT));
    }

    @Test
    void auditsARefusalWhileThrottled() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> change(WRONG, NEW_PASSWORD)).isInstanceOf(WrongPasswordException.class);
        }

        assertThatThrownBy(() -> change(Registrations.GOOD_PASSWORD, NEW_PASSWORD))
                .isInstanceOf(TooManyRequestsException.class);

        assertThat(accounts.audit.last()).hasValueSatisfying(event -> {
            assertThat(event.action()).isEqualTo(AuditAction.PASSWORD_CHANGE);
            assertThat(event.outcome()).isEqualTo(AuditOutcome.THROTTLED);
        });
    }

    private void change(String currentPassword, String newPassword) {
        accounts.changePassword.changePassword(new ChangePasswordCommand(current, currentPassword, newPassword));
    }
}
