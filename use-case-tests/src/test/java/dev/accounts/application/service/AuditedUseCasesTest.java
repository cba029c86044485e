package dev.accounts.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.InvalidCredentialsException;
import dev.accounts.application.port.in.InvalidTokenException;
import dev.accounts.application.port.in.LogInCommand;
import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.application.port.in.UpdateAccountCommand;
import dev.accounts.application.port.in.UserView;
import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.audit.AuditOutcome;
import dev.accounts.domain.user.DuplicateUserException;
import dev.accounts.domain.user.SecretToken;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What each use case leaves in the audit trail: when (UTC, microseconds), what, whose, from where, how it ended. */
class AuditedUseCasesTest {

    private static final String CLIENT = "198.51.100.7";

    private final InMemoryAccounts accounts = new InMemoryAccounts();

    @Test
    void aRegistrationIsAuditedWithTheNewUserAndTheClientAddress() {
        UserView alice = accounts.registerUser.register(
                new RegisterUserCommand("alice", "alice@example.com", Registrations.GOOD_PASSWORD, CLIENT));

        assertThat(accounts.audit.events()).containsExactly(
                event(AuditAction.REGISTRATION, new UserId(alice.id()), AuditOutcome.SUCCESS));
    }

    @Test
    void aTakenNameIsAuditedAsAFailureWithoutAUserThoughItsTransactionRolledBack() {
        accounts.register("alice", "alice@example.com");
        int before = accounts.audit.events().size();

        assertThatThrownBy(() -> accounts.registerUser.register(
                new RegisterUserCommand("ALICE", "other@example.com", Registrations.GOOD_PASSWORD, CLIENT)))
                .isInstanceOf(DuplicateUserException.class);

        assertThat(accounts.audit.events()).hasSize(before + 1)
                .last().isEqualTo(event(AuditAction.REGISTRATION, null, AuditOutcome.FAILURE));
    }

    @Test
    void successesAreRecordedWithTheirChangeAndRefusalsOnTheirOwn() {
        User alice = accounts.register("alice", "alice@example.com");
        Authenticated current = accounts.signIn("alice", CLIENT);
        accounts.logOut.logOut(current);
        accounts.requestPasswordReset.requestPasswordReset("alice@example.com", CLIENT);
        accounts.verifyEmail.verify(accounts.tokenInLatestMail(MailTemplate.WELCOME, "alice@example.com"), CLIENT);
        assertThatThrownBy(() -> accounts.logIn.logIn(new LogInCommand("alice", "wrong password", CLIENT)))
                .isInstanceOf(InvalidCredentialsException.class);
        assertThatThrownBy(() -> accounts.verifyEmail.verify("not a token", CLIENT)).isInstanceOf(InvalidTokenException.class);
        accounts.requestPasswordReset.requestPasswordReset("nobody@example.com", CLIENT);

        assertThat(accounts.audit.events()).hasSize(8);
        assertThat(accounts.auditWitness.recordedInTransactions())
                .allSatisfy(event -> assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS))
                .extracting(AuditEvent::action).containsExactly(AuditAction.REGISTRATION, AuditAction.LOGIN,
                        AuditAction.LOGOUT, AuditAction.PASSWORD_RESET_REQUEST, AuditAction.EMAIL_VERIFICATION);
        assertThat(alice.id()).isEqualTo(accounts.auditWitness.recordedInTransactions().getFirst().userId());
    }

    @Test
    void aLoginIsAuditedAsSuccessOrFailureWithTheUserWhenItExists() {
        User alice = accounts.register("alice", "alice@example.com");

        accounts.logIn.logIn(new LogInCommand("alice", Registrations.GOOD_PASSWORD, CLIENT));
        assertThatThrownBy(() -> accounts.logIn.logIn(new LogInCommand("alice", "wrong password", CLIENT)))
                .isInstanceOf(InvalidCredentialsException.class);
        assertThatThrownBy(() -> accounts.logIn.logIn(new LogInCommand("nobody", "wrong password", CLIENT)))
                .isInstanceOf(InvalidCredentialsException.class);

        assertThat(accounts.audit.events(AuditAction.LOGIN)).containsExactly(
                event(AuditAction.LOGIN, alice.id(), AuditOutcome.SUCCESS),
                event(AuditAction.LOGIN, alice.id(), AuditOutcome.FAILURE),
                event(AuditAction.LOGIN, null, AuditOutcome.FAILURE));
    }

    @Test
    void aLogoutIsAuditedWithTheAddressOfTheRequest() {
        User alice = accounts.register("alice", "alice@example.com");
        Authenticated current = accounts.signIn("alice", CLIENT);

        accounts.logOut.logOut(current);

        assertThat(accounts.audit.last()).contains(event(AuditAction.LOGOUT, alice.id(), AuditOutcome.SUCCESS));
    }

    @Test
    void anAuthenticatedRequestCarriesItsClientAddress() {
        accounts.register("alice", "alice@example.com");
        String token = accounts.logInToken("alice");

        assertThat(accounts.authenticate.authenticate(token, CLIENT).clientAddress()).isEqualTo(CLIENT);
    }

    @Test
    void aVerificationIsAuditedAndAnInvalidLinkIsAFailureWithoutAUser() {
        User alice = accounts.register("alice", "alice@example.com");
        String link = accounts.tokenInLatestMail(MailTemplate.WELCOME, "alice@example.com");

        accounts.verifyEmail.verify(link, CLIENT);
        assertThatThrownBy(() -> accounts.verifyEmail.verify(link, CLIENT)).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> accounts.verifyEmail.verify("not a token", CLIENT)).isInstanceOf(InvalidTokenException.class);

        assertThat(accounts.audit.events(AuditAction.EMAIL_VERIFICATION)).containsExactly(
                event(AuditAction.EMAIL_VERIFICATION, alice.id(), AuditOutcome.SUCCESS),
                event(AuditAction.EMAIL_VERIFICATION, null, AuditOutcome.FAILURE),
                event(AuditAction.EMAIL_VERIFICATION, null, AuditOutcome.FAILURE));
    }

    @Test
    void aConfirmedAddressChangeIsAuditedAsAnEmailChange() {
        User alice = accounts.register("alice", "alice@example.com");
        Authenticated current = accounts.signIn("alice", CLIENT);
        accounts.updateAccount.update(new UpdateAccountCommand(current, null, "alice@new.example", Registrations.GOOD_PASSWORD));

        accounts.verifyEmail.verify(accounts.tokenInLatestMail(MailTemplate.EMAIL_CHANGE_CONFIRMATION, "alice@new.example"),
                CLIENT);

        assertThat(accounts.audit.last()).contains(event(AuditAction.EMAIL_CHANGE, alice.id(), AuditOutcome.SUCCESS));
    }

    @Test
    void anAddressChangeLostToAnotherUserIsAuditedAgainstTheUserWhoseLinkItWas() {
        User alice = accounts.register("alice", "alice@example.com");
        Authenticated current = accounts.signIn("alice", CLIENT);
        accounts.updateAccount.update(new UpdateAccountCommand(current, null, "taken@example.com", Registrations.GOOD_PASSWORD));
        String link = accounts.tokenInLatestMail(MailTemplate.EMAIL_CHANGE_CONFIRMATION, "taken@example.com");
        accounts.register("bob", "TAKEN@example.com");

        assertThatThrownBy(() -> accounts.verifyEmail.verify(link, CLIENT)).isInstanceOf(DuplicateUserException.class);

        assertThat(accounts.audit.last()).contains(event(AuditAction.EMAIL_CHANGE, alice.id(), AuditOutcome.FAILURE));
    }

    @Test
    void aResetRequestIsAuditedWithTheUserOnlyWhenAnAccountHasTheAddress() {
        User alice = accounts.register("alice", "alice@example.com");

        accounts.requestPasswordReset.requestPasswordReset("alice@example.com", CLIENT);
        accounts.requestPasswordReset.requestPasswordReset("nobody@example.com", CLIENT);
        accounts.requestPasswordReset.requestPasswordReset("alice@example.com", CLIENT);

        assertThat(accounts.audit.events(AuditAction.PASSWORD_RESET_REQUEST)).containsExactly(
                event(AuditAction.PASSWORD_RESET_REQUEST, alice.id(), AuditOutcome.SUCCESS),
                event(AuditAction.PASSWORD_RESET_REQUEST, null, AuditOutcome.FAILURE),
                event(AuditAction.PASSWORD_RESET_REQUEST, alice.id(), AuditOutcome.THROTTLED));
    }

    @Test
    void eventsAreStampedWithTheClockInUtcToTheMicrosecond() {
        accounts.clock.advance(Duration.ofMinutes(3));

        accounts.registerUser.register(Registrations.valid());

        Instant stamped = accounts.audit.last().orElseThrow().occurredAt();
        assertThat(stamped).isEqualTo(Instant.parse("2026-11-21T10:18:30.123456Z"));
    }

    @Test
    void noEventCarriesASecret() {
        User alice = accounts.register("alice", "alice@example.com");
        String token = accounts.logInToken("alice");
        accounts.logOut.logOut(accounts.authenticate.authenticate(accounts.logInToken("alice"), CLIENT));

        assertThat(accounts.audit.events()).isNotEmpty().allSatisfy(event -> assertThat(event.toString())
                .doesNotContain(Registrations.GOOD_PASSWORD)
                .doesNotContain(token)
                .doesNotContain(SecretToken.parse(token).digest().hex())
                .doesNotContain(alice.passwordHash().value()));
    }

    private Instant now() {
        return Now.of(accounts.clock);
    }

    private AuditEvent event(AuditAction action, UserId userId, AuditOutcome outcome) {
        return new AuditEvent(now(), action, userId, CLIENT, outcome);
    }
}
