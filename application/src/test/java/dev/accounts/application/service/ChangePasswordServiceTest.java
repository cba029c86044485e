package dev.accounts.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.application.fixtures.InMemoryAccounts;
import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.ChangePasswordCommand;
import dev.accounts.application.port.in.FieldError;
import dev.accounts.application.port.in.InvalidCredentialsException;
import dev.accounts.application.port.in.InvalidInputException;
import dev.accounts.application.port.in.LogInCommand;
import dev.accounts.application.port.in.UnauthenticatedException;
import dev.accounts.application.port.in.WrongPasswordException;
import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.domain.user.PasswordHash;
import dev.accounts.domain.user.TokenPurpose;
import dev.accounts.domain.user.User;
import org.junit.jupiter.api.Test;

class ChangePasswordServiceTest {

    private static final String NEW_PASSWORD = "an entirely new passphrase";

    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final User alice = accounts.register("alice", "alice@example.com");
    private final String otherDevice = accounts.logInToken("alice");
    private final Authenticated current = accounts.signIn("alice");

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
        assertThatThrownBy(() -> accounts.authenticate.authenticate(otherDevice)).isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void mailsANoticeAndKillsOpenResetLinks() {
        accounts.requestPasswordReset.requestPasswordReset("alice@example.com");

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

    private void change(String currentPassword, String newPassword) {
        accounts.changePassword.changePassword(new ChangePasswordCommand(current, currentPassword, newPassword));
    }
}
