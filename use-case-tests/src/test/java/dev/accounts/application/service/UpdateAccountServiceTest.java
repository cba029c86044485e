package dev.accounts.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.port.in.AccountView;
import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.FieldError;
import dev.accounts.application.port.in.InvalidCredentialsException;
import dev.accounts.application.port.in.InvalidInputException;
import dev.accounts.application.port.in.LogInCommand;
import dev.accounts.application.port.in.TooManyRequestsException;
import dev.accounts.application.port.in.UpdateAccountCommand;
import dev.accounts.application.port.in.WrongPasswordException;
import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.audit.AuditOutcome;
import dev.accounts.domain.user.DuplicateUserException;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.EmailToken;
import dev.accounts.domain.user.SecretToken;
import dev.accounts.domain.user.TokenPurpose;
import dev.accounts.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpdateAccountServiceTest {

    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final User alice = accounts.register("alice", "alice@example.com");
    private final Authenticated current = accounts.signIn("alice");
    private final int mailsAfterRegistration = accounts.outbox.entries().size();

    @Test
    void changesTheUsernameAtOnceAndTellsTheAddress() {
        AccountView view = update("alice_l", null, null);

        assertThat(view.username()).isEqualTo("alice_l");
        assertThat(accounts.user(alice.id()).username().value()).isEqualTo("alice_l");
        assertThat(newMails()).containsExactly(new OutgoingMail(MailTemplate.USERNAME_CHANGED_NOTICE,
                new EmailAddress("alice@example.com"),
                Map.of(MailTemplate.OLD_USERNAME, "alice", MailTemplate.USERNAME, "alice_l")));
        assertThat(accounts.logIn.logIn(new LogInCommand("alice_l", Registrations.GOOD_PASSWORD))).isNotNull();
    }

    @Test
    void aNewUsernameNeedsNoPassword() {
        assertThat(update("alice2", null, null).username()).isEqualTo("alice2");
    }

    @Test
    void changesOnlyTheLetterCaseOfTheUsername() {
        assertThat(update("Alice", null, null).username()).isEqualTo("Alice");
    }

    @Test
    void rejectsAUsernameTakenIgnoringCaseChangingNothing() {
        accounts.register("bob", "bob@example.com");

        assertThatThrownBy(() -> update("BOB", null, null))
                .isInstanceOfSatisfying(DuplicateUserException.class,
                        e -> assertThat(e.attribute()).isEqualTo(DuplicateUserException.Attribute.USERNAME));
        assertThat(accounts.user(alice.id()).username().value()).isEqualTo("alice");
        assertThat(accounts.outbox.queuedFor(alice.email(), MailTemplate.USERNAME_CHANGED_NOTICE)).isEmpty();
    }

    @Test
    void reportsAnInvalidUsernameAndAnInvalidAddressTogether() {
        assertThatThrownBy(() -> update("a!", "nope", Registrations.GOOD_PASSWORD))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("username", "must be 3 to 32 characters long"),
                        new FieldError("email", "must be an address like name@example.com")));
        assertThat(accounts.user(alice.id()).username().value()).isEqualTo("alice");
        assertThat(newMails()).isEmpty();
    }

    @Test
    void changesNothingWhenNothingIsGiven() {
        int transactions = accounts.transactions.count();

        AccountView view = update(null, null, null);

        assertThat(view.username()).isEqualTo("alice");
        assertThat(accounts.transactions.count()).isEqualTo(transactions);
        assertThat(newMails()).isEmpty();
    }

    @Test
    void anAddressDifferingOnlyInCaseIsNoChangeAndNeedsNoPassword() {
        AccountView view = update(null, "ALICE@example.com", null);

        assertThat(view.email()).isEqualTo("alice@example.com");
        assertThat(view.pendingEmail()).isNull();
        assertThat(newMails()).isEmpty();
    }

    @Test
    void aNewAddressNeedsTheCurrentPassword() {
        assertThatThrownBy(() -> update(null, "alice@new.example", null)).isInstanceOf(WrongPasswordException.class);
        assertThatThrownBy(() -> update(null, "alice@new.example", "")).isInstanceOf(WrongPasswordException.class);
        assertThatThrownBy(() -> update(null, "alice@new.example", "a wrong password"))
                .isInstanceOf(WrongPasswordException.class);

        assertThat(accounts.user(alice.id()).pendingEmail()).isEmpty();
        assertThat(accounts.tokens.unused(alice.id(), TokenPurpose.EMAIL_CHANGE)).isEmpty();
        assertThat(newMails()).isEmpty();
    }

    @Test
    void aWrongPasswordAlsoStopsTheUsernameChangeThatCameWithIt() {
        assertThatThrownBy(() -> update("alice2", "alice@new.example", "a wrong password"))
                .isInstanceOf(WrongPasswordException.class);

        assertThat(accounts.user(alice.id()).username().value()).isEqualTo("alice");
    }

    @Test
    void aNewAddressWaitsForConfirmationWhileTheOldOneStaysTheLogin() {
        AccountView view = update(null, "Alice@New.example", Registrations.GOOD_PASSWORD);

        assertThat(view.email()).isEqualTo("alice@example.com");
        assertThat(view.pendingEmail()).isEqualTo("Alice@New.example");
        assertThat(accounts.logIn.logIn(new LogInCommand("alice@example.com", Registrations.GOOD_PASSWORD))).isNotNull();
        assertThatThrownBy(() -> accounts.logIn.logIn(new LogInCommand("alice@new.example", Registrations.GOOD_PASSWORD)))
                .isInstanceOf(InvalidCredentialsException.class);
    }

    @Test
    void mailsAConfirmationLinkBoundToTheNewAddressAndANoticeToTheOldOne() {
        update(null, "Alice@New.example", Registrations.GOOD_PASSWORD);

        OutgoingMail confirmation = accounts.outbox.queuedFor(new EmailAddress("alice@new.example"),
                MailTemplate.EMAIL_CHANGE_CONFIRMATION).getFirst();
        EmailToken stored = accounts.tokens.unused(alice.id(), TokenPurpose.EMAIL_CHANGE).getFirst();
        assertThat(SecretToken.parse(confirmation.parameters().get(MailTemplate.TOKEN)).digest()).isEqualTo(stored.digest());
        assertThat(stored.address().value()).isEqualTo("Alice@New.example");
        assertThat(Duration.between(stored.createdAt(), stored.expiresAt())).isEqualTo(Duration.ofHours(1));
        assertThat(accounts.outbox.queuedFor(new EmailAddress("alice@example.com"), MailTemplate.EMAIL_CHANGE_NOTICE))
                .singleElement()
                .satisfies(notice -> assertThat(notice.parameters()).containsEntry(MailTemplate.NEW_EMAIL, "Alice@New.example"));
    }

    @Test
    void changesUsernameAndAddressInOneTransaction() {
        int transactions = accounts.transactions.count();

        AccountView view = update("alice2", "alice@new.example", Registrations.GOOD_PASSWORD);

        assertThat(view.username()).isEqualTo("alice2");
        assertThat(view.pendingEmail()).isEqualTo("alice@new.example");
        assertThat(accounts.transactions.count()).isEqualTo(transactions + 1);
        assertThat(newMails()).extracting(OutgoingMail::template).containsExactlyInAnyOrder(
                MailTemplate.USERNAME_CHANGED_NOTICE, MailTemplate.EMAIL_CHANGE_CONFIRMATION, MailTemplate.EMAIL_CHANGE_NOTICE);
    }

    @Test
    void rejectsAnAddressAnotherUserLogsInWithIgnoringCase() {
        accounts.register("bob", "bob@example.com");

        assertThatThrownBy(() -> update(null, "BOB@example.com", Registrations.GOOD_PASSWORD))
                .isInstanceOfSatisfying(DuplicateUserException.class,
                        e -> assertThat(e.attribute()).isEqualTo(DuplicateUserException.Attribute.EMAIL));
        assertThat(accounts.user(alice.id()).pendingEmail()).isEmpty();
        assertThat(accounts.tokens.unused(alice.id(), TokenPurpose.EMAIL_CHANGE)).isEmpty();
    }

    @Test
    void checksThePasswordBeforeTellingWhetherAnAddressIsTaken() {
        accounts.register("bob", "bob@example.com");

        assertThatThrownBy(() -> update(null, "bob@example.com", "a wrong password"))
                .isInstanceOf(WrongPasswordException.class);
    }

    @Test
    void aNewerAddressRequestReplacesTheEarlierOne() {
        update(null, "first@new.example", Registrations.GOOD_PASSWORD);
        update(null, "second@new.example", Registrations.GOOD_PASSWORD);

        assertThat(accounts.user(alice.id()).pendingEmail()).contains(new EmailAddress("second@new.example"));
        assertThat(accounts.tokens.unused(alice.id(), TokenPurpose.EMAIL_CHANGE))
                .extracting(token -> token.address().value()).containsExactly("second@new.example");
    }

    @Test
    void aWrongPasswordForANewAddressCountsAsAFailedLoginAndIsThrottled() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> update(null, "alice@new.example", "not my password"))
                    .isInstanceOf(WrongPasswordException.class);
        }

        assertThatThrownBy(() -> update(null, "alice@new.example", Registrations.GOOD_PASSWORD))
                .isInstanceOf(TooManyRequestsException.class);
        assertThat(accounts.user(alice.id()).pendingEmail()).isEmpty();
    }

    @Test
    void auditsAUsernameChangeAndAnAddressRequestWithTheClientAddress() {
        Authenticated fromClient = accounts.signIn("alice", "198.51.100.7");

        accounts.updateAccount.update(new UpdateAccountCommand(fromClient, "alice_l", "alice@new.example",
                Registrations.GOOD_PASSWORD));

        Instant now = Now.of(accounts.clock);
        assertThat(accounts.audit.events()).contains(
                new AuditEvent(now, AuditAction.USERNAME_CHANGE, alice.id(), "198.51.100.7", AuditOutcome.SUCCESS),
                new AuditEvent(now, AuditAction.EMAIL_CHANGE_REQUEST, alice.id(), "198.51.100.7", AuditOutcome.SUCCESS));
    }

    @Test
    void auditsATakenUsernameAfterTheRollback() {
        accounts.register("bob", "bob@example.com");

        assertThatThrownBy(() -> update("BOB", null, null)).isInstanceOf(DuplicateUserException.class);

        assertThat(accounts.audit.events(AuditAction.USERNAME_CHANGE)).singleElement()
                .satisfies(event -> {
                    assertThat(event.outcome()).isEqualTo(AuditOutcome.FAILURE);
                    assertThat(event.userId()).isEqualTo(alice.id());
                });
    }

    @Test
    void auditsAWrongPasswordForANewAddress() {
        assertThatThrownBy(() -> update(null, "alice@new.example", "not my password"))
                .isInstanceOf(WrongPasswordException.class);

        assertThat(accounts.audit.events(AuditAction.EMAIL_CHANGE_REQUEST)).singleElement()
                .satisfies(event -> assertThat(event.outcome()).isEqualTo(AuditOutcome.FAILURE));
    }

    private AccountView update(String username, String email, String currentPassword) {
        return accounts.updateAccount.update(new UpdateAccountCommand(current, username, email, currentPassword));
    }

    private List<OutgoingMail> newMails() {
        return accounts.outbox.entries().stream().skip(mailsAfterRegistration).map(e -> e.mail()).toList();
    }
}
