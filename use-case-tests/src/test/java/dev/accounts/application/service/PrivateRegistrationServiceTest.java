package dev.accounts.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.port.in.FieldError;
import dev.accounts.application.port.in.InvalidInputException;
import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.User;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrivateRegistrationServiceTest {

    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final User alice = accounts.register("alice", "alice@example.com");
    private final int mailsBefore = accounts.outbox.entries().size();

    @Test
    void registersAFreeNameAsTheOrdinaryRegistrationDoes() {
        accounts.registerPrivately.register(new RegisterUserCommand("bob", "bob@example.com", Registrations.GOOD_PASSWORD));

        assertThat(accounts.users.all()).extracting(user -> user.username().value()).containsExactly("alice", "bob");
        assertThat(newMails()).singleElement()
                .satisfies(mail -> assertThat(mail.template()).isEqualTo(MailTemplate.WELCOME));
    }

    @Test
    void aTakenAddressTellsItsOwnerByMailAndTheCallerNothing() {
        assertThatCode(() -> accounts.registerPrivately.register(
                new RegisterUserCommand("mallory", "ALICE@example.com", Registrations.GOOD_PASSWORD)))
                .doesNotThrowAnyException();

        assertThat(newMails()).containsExactly(OutgoingMail.accountExistsNotice(new EmailAddress("ALICE@example.com")));
        assertThat(accounts.users.all()).containsExactly(alice);
    }

    @Test
    void aTakenUsernameIsExplainedToTheAddressGiven() {
        assertThatCode(() -> accounts.registerPrivately.register(
                new RegisterUserCommand("Alice", "bob@example.com", Registrations.GOOD_PASSWORD)))
                .doesNotThrowAnyException();

        assertThat(newMails()).containsExactly(OutgoingMail.usernameTakenNotice(new EmailAddress("bob@example.com"), "Alice"));
        assertThat(accounts.users.all()).containsExactly(alice);
    }

    @Test
    void noticesGoOnlyToTheAddressGiven() {
        accounts.registerPrivately.register(new RegisterUserCommand("alice", "bob@example.com", Registrations.GOOD_PASSWORD));

        assertThat(accounts.outbox.queuedFor(alice.email(), MailTemplate.USERNAME_TAKEN_NOTICE)).isEmpty();
        assertThat(newMails()).extracting(OutgoingMail::recipient).containsOnly(new EmailAddress("bob@example.com"));
    }

    @Test
    void everyOutcomeCostsOneHash() {
        assertThat(hashesFor(new RegisterUserCommand("bob", "bob@example.com", Registrations.GOOD_PASSWORD))).isEqualTo(1);
        assertThat(hashesFor(new RegisterUserCommand("carol", "alice@example.com", Registrations.GOOD_PASSWORD))).isEqualTo(1);
        assertThat(hashesFor(new RegisterUserCommand("alice", "dave@example.com", Registrations.GOOD_PASSWORD))).isEqualTo(1);
    }

    @Test
    void invalidInputIsStillReportedFieldByField() {
        assertThatThrownBy(() -> accounts.registerPrivately.register(new RegisterUserCommand("x", "alice@example.com", "short")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("username", "password"));
        assertThat(newMails()).isEmpty();
    }

    @Test
    void noticesToOneAddressAreLimitedToOneAMinuteAndDroppedSilentlyBeyond() {
        RegisterUserCommand again = new RegisterUserCommand("mallory", "alice@example.com", Registrations.GOOD_PASSWORD);
        accounts.registerPrivately.register(again);

        assertThatCode(() -> accounts.registerPrivately.register(again)).doesNotThrowAnyException();
        assertThatCode(() -> accounts.registerPrivately.register(
                new RegisterUserCommand("alice", "alice@example.com", Registrations.GOOD_PASSWORD)))
                .doesNotThrowAnyException();
        assertThat(newMails()).hasSize(1);

        accounts.clock.advance(Duration.ofSeconds(61));
        accounts.registerPrivately.register(again);
        assertThat(newMails()).hasSize(2);
    }

    @Test
    void noticesCountTowardsTheDailyLimitOfUserTriggeredMail() {
        RegisterUserCommand again = new RegisterUserCommand("mallory", "alice@example.com", Registrations.GOOD_PASSWORD);
        for (int i = 0; i < LifecyclePolicy.DEFAULTS.mailRequestsPerDay() + 3; i++) {
            accounts.registerPrivately.register(again);
            accounts.clock.advance(Duration.ofSeconds(61));
        }

        assertThat(newMails()).hasSize(LifecyclePolicy.DEFAULTS.mailRequestsPerDay());
        accounts.requestPasswordReset.requestPasswordReset("alice@example.com", null);
        assertThat(accounts.outbox.queuedFor(alice.email(), MailTemplate.PASSWORD_RESET)).isEmpty();
    }

    private int hashesFor(RegisterUserCommand command) {
        int before = accounts.hasher.hashCount();
        accounts.registerPrivately.register(command);
        return accounts.hasher.hashCount() - before;
    }

    private List<OutgoingMail> newMails() {
        List<OutgoingMail> all = accounts.outbox.entries().stream().map(entry -> entry.mail()).toList();
        return all.subList(mailsBefore, all.size());
    }
}
