package dev.accounts.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.port.in.FieldError;
import dev.accounts.application.port.in.InvalidInputException;
import dev.accounts.application.port.in.LogInCommand;
import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.application.port.in.UserView;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.audit.AuditOutcome;
import dev.accounts.domain.user.DuplicateUserException;
import dev.accounts.domain.user.Profile;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import org.junit.jupiter.api.Test;

class CreateSuperuserServiceTest {

    private static final String COMMAND_LINE = "command-line";

    private final InMemoryAccounts accounts = new InMemoryAccounts();

    @Test
    void createsAnActiveSuperuserWhoseAddressCountsAsVerified() {
        UserView view = create("root", "root@example.com", Registrations.GOOD_PASSWORD);

        User stored = accounts.user(new UserId(view.id()));
        assertThat(stored.superuser()).isTrue();
        assertThat(stored.emailVerified()).isTrue();
        assertThat(stored.active()).isTrue();
        assertThat(view.emailVerified()).isTrue();
        assertThat(accounts.profiles.find(stored.id())).isEqualTo(Profile.EMPTY);
    }

    @Test
    void theSuperuserLogsInWithThePasswordGiven() {
        create("root", "root@example.com", Registrations.GOOD_PASSWORD);

        assertThat(accounts.logIn.logIn(new LogInCommand("root", Registrations.GOOD_PASSWORD))).isNotNull();
    }

    @Test
    void storesUserProfileAndAuditEntryInOneTransactionAndSendsNoMail() {
        UserView view = create("root", "root@example.com", Registrations.GOOD_PASSWORD);

        assertThat(accounts.transactions.count()).isEqualTo(1);
        assertThat(accounts.outbox.entries()).isEmpty();
        assertThat(accounts.audit.events()).containsExactly(new AuditEvent(Now.of(accounts.clock),
                AuditAction.SUPERUSER_CREATED, new UserId(view.id()), COMMAND_LINE, AuditOutcome.SUCCESS));
    }

    @Test
    void appliesTheRulesOfRegistrationListingEveryBrokenOne() {
        assertThatThrownBy(() -> create("r", "not an address", "short"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("username", "email", "password"));
        assertThatThrownBy(() -> create("root", "root@example.com", "short"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("password", "must be at least 12 characters long")));

        assertThat(accounts.users.all()).isEmpty();
        assertThat(accounts.hasher.hashCount()).as("nothing is hashed for refused input").isEqualTo(1);
    }

    @Test
    void refusesATakenNameAndAuditsTheRefusal() {
        accounts.register("root", "someone@example.com");

        assertThatThrownBy(() -> create("ROOT", "root@example.com", Registrations.GOOD_PASSWORD))
                .isInstanceOf(DuplicateUserException.class);

        assertThat(accounts.users.all()).noneMatch(User::superuser);
        assertThat(accounts.audit.last()).contains(new AuditEvent(Now.of(accounts.clock), AuditAction.SUPERUSER_CREATED,
                null, COMMAND_LINE, AuditOutcome.FAILURE));
    }

    @Test
    void anOrdinaryRegistrationNeverMakesASuperuser() {
        User alice = accounts.register("alice", "alice@example.com");

        assertThat(alice.superuser()).isFalse();
    }

    private UserView create(String username, String email, String password) {
        return accounts.createSuperuser.createSuperuser(new RegisterUserCommand(username, email, password, COMMAND_LINE));
    }
}
