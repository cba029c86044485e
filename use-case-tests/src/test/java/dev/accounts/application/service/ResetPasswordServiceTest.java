package dev.accounts.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.fixtures.Users;
import dev.accounts.application.port.in.FieldError;
import dev.accounts.application.port.in.InvalidCredentialsException;
import dev.accounts.application.port.in.InvalidInputException;
import dev.accounts.application.port.in.InvalidTokenException;
import dev.accounts.application.port.in.LogInCommand;
import dev.accounts.application.port.in.ResetPasswordCommand;
import dev.accounts.application.port.in.TooManyRequestsException;
import dev.accounts.application.port.in.UnauthenticatedException;
import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.application.port.out.ThrottleKey;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.audit.AuditOutcome;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.SecretToken;
import dev.accounts.domain.user.User;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResetPasswordServiceTest {

    private static final String NEW_PASSWORD = "a brand new passphrase";

    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final User alice = accounts.register("alice", "alice@example.com");

    @Test
    void theNewPasswordLogsInAndTheOldOneNoLonger() {
        reset(requestLink(), NEW_PASSWORD);

        assertThat(accounts.logIn.logIn(new LogInCommand("alice", NEW_PASSWORD))).isNotNull();
        assertThatThrownBy(() -> accounts.logIn.logIn(new LogInCommand("alice", Registrations.GOOD_PASSWORD)))
                .isInstanceOf(InvalidCredentialsException.class);
    }

    @Test
    void endsEverySessionOfTheUserAndOpensNone() {
        String laptop = accounts.logInToken("alice");
        String phone = accounts.logInToken("alice");

        reset(requestLink(), NEW_PASSWORD);

        assertThat(accounts.sessions.of(alice.id())).isEmpty();
        assertThatThrownBy(() -> accounts.authenticate.authenticate(laptop, null)).isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> accounts.authenticate.authenticate(phone, null)).isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void mailsANotice() {
        reset(requestLink(), NEW_PASSWORD);

        assertThat(accounts.outbox.queuedFor(alice.email(), MailTemplate.PASSWORD_CHANGED_NOTICE)).hasSize(1);
    }

    @Test
    void aLinkWorksOnlyOnce() {
        String link = requestLink();
        reset(link, NEW_PASSWORD);

        assertThatThrownBy(() -> reset(link, "yet another passphrase")).isInstanceOf(InvalidTokenException.class);
        assertThat(accounts.logIn.logIn(new LogInCommand("alice", NEW_PASSWORD))).isNotNull();
    }

    @Test
    void aLinkWorksForAnHourAndNoLonger() {
        String link = requestLink();
        accounts.clock.advance(Duration.ofHours(1));

        assertThatThrownBy(() -> reset(link, NEW_PASSWORD)).isInstanceOf(InvalidTokenException.class);

        String fresh = requestLink();
        assertThat(fresh).isNotEqualTo(link);
        accounts.clock.advance(Duration.ofHours(1).minusSeconds(1));
        reset(fresh, NEW_PASSWORD);
    }

    @Test
    void aLinkSupersededByANewerOneFails() {
        String first = requestLink();
        accounts.clock.advance(Duration.ofMinutes(2));
        String second = requestLink();

        assertThatThrownBy(() -> reset(first, NEW_PASSWORD)).isInstanceOf(InvalidTokenException.class);
        reset(second, NEW_PASSWORD);
    }

    @Test
    void aLinkSentToAnAddressThatIsNoLongerTheLoginFails() {
        String link = requestLink();
        User moved = accounts.user(alice.id()).withPendingEmail(new EmailAddress("alice@new.example"), alice.updatedAt());
        accounts.users.update(moved.confirmPendingEmail(new EmailAddress("alice@new.example"), alice.updatedAt()));

        assertThatThrownBy(() -> reset(link, NEW_PASSWORD)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void aLinkOfADeactivatedAccountFails() {
        String link = requestLink();
        accounts.users.update(Users.deactivated(accounts.user(alice.id())));

        assertThatThrownBy(() -> reset(link, NEW_PASSWORD)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void rejectsMalformedAndUnknownTokens() {
        int hashes = accounts.hasher.hashCount();

        assertThatThrownBy(() -> reset("not a token", NEW_PASSWORD)).isInstanceOf(InvalidTokenException.class);
        assertThat(accounts.hasher.hashCount()).as("a malformed token costs no hash").isEqualTo(hashes);
        assertThatThrownBy(() -> reset(SecretToken.generate().reveal(), NEW_PASSWORD)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void rejectsATooShortPasswordBeforeHashingIt() {
        String link = requestLink();
        int hashes = accounts.hasher.hashCount();

        assertThatThrownBy(() -> reset(link, "short"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("newPassword", "must be at least 12 characters long")));
        assertThat(accounts.hasher.hashCount()).isEqualTo(hashes);
        reset(link, NEW_PASSWORD);
    }

    @Test
    void rejectsAPasswordContainingTheUsernameNamingTheRule() {
        String link = requestLink();

        assertThatThrownBy(() -> reset(link, "alice in wonderland"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .contains(new FieldError("newPassword", "must not contain the username")));
        assertThat(accounts.logIn.logIn(new LogInCommand("alice", Registrations.GOOD_PASSWORD))).isNotNull();
    }

    @Test
    void rejectsAMissingPassword() {
        assertThatThrownBy(() -> reset(requestLink(), null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("newPassword", "must not be empty")));
    }

    @Test
    void neverPrintsTheTokenOrThePassword() {
        String link = requestLink();

        assertThat(new ResetPasswordCommand(link, NEW_PASSWORD).toString()).doesNotContain(link).doesNotContain(NEW_PASSWORD);
    }

    @Test
    void worksWhileTheAccountIsThrottledAndLiftsTheThrottle() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> accounts.logIn.logIn(new LogInCommand("alice", "somebody guessing")))
                    .isInstanceOf(InvalidCredentialsException.class);
        }
        assertThatThrownBy(() -> accounts.logIn.logIn(new LogInCommand("alice", Registrations.GOOD_PASSWORD)))
                .isInstanceOf(TooManyRequestsException.class);

        reset(requestLink(), NEW_PASSWORD);

        assertThat(accounts.throttle.failures(ThrottleKey.account(alice.id()))).isZero();
        assertThat(accounts.logIn.logIn(new LogInCommand("alice", NEW_PASSWORD))).isNotNull();
    }

    @Test
    void auditsTheResetWithTheUserAndTheClientAddress() {
        String link = requestLink();

        accounts.resetPassword.resetPassword(new ResetPasswordCommand(link, NEW_PASSWORD, "198.51.100.7"));

        assertThat(accounts.audit.events(AuditAction.PASSWORD_RESET))
                .containsExactly(new AuditEvent(Now.of(accounts.clock), AuditAction.PASSWORD_RESET, alice.id(),
                        "198.51.100.7", AuditOutcome.SUCCESS));
    }

    @Test
    void auditsARefusedLinkWithoutAUserAfterTheRollback() {
        String link = requestLink();
        reset(link, NEW_PASSWORD);

        assertThatThrownBy(() -> accounts.resetPassword.resetPassword(
                new ResetPasswordCommand(link, "yet another passphrase", "198.51.100.7")))
                .isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> accounts.resetPassword.resetPassword(
                new ResetPasswordCommand("not a token", NEW_PASSWORD, "198.51.100.7")))
                .isInstanceOf(InvalidTokenException.class);

        assertThat(accounts.audit.events(AuditAction.PASSWORD_RESET)).hasSize(3).last()
                .isEqualTo(new AuditEvent(Now.of(accounts.clock), AuditAction.PASSWORD_RESET, null, "198.51.100.7",
                        AuditOutcome.FAILURE));
        assertThat(accounts.audit.events(AuditAction.PASSWORD_RESET).get(1).outcome()).isEqualTo(AuditOutcome.FAILURE);
    }

    private String requestLink() {
        accounts.requestPasswordReset.requestPasswordReset("alice@example.com", null);
        return accounts.tokenInLatestMail(MailTemplate.PASSWORD_RESET, "alice@example.com");
    }

    private void reset(String token, String newPassword) {
        accounts.resetPassword.resetPassword(new ResetPasswordCommand(token, newPassword));
    }
}
