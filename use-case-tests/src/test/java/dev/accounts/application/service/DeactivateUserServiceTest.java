package dev.accounts.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.ForbiddenException;
import dev.accounts.application.port.in.InvalidCredentialsException;
import dev.accounts.application.port.in.LogInCommand;
import dev.accounts.application.port.in.NotFoundException;
import dev.accounts.application.port.in.UnauthenticatedException;
import dev.accounts.application.port.in.admin.AdminUserView;
import dev.accounts.application.port.in.admin.CannotDeactivateSelfException;
import dev.accounts.application.port.in.admin.ListUsersQuery;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.audit.AuditOutcome;
import dev.accounts.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeactivateUserServiceTest {

    private final AdminAccounts admin = new AdminAccounts();
    private final InMemoryAccounts accounts = admin.accounts;

    @Test
    void deactivatesTheUserAndEndsEverySessionItHasAtOnce() {
        String alice = accounts.register("alice", "alice@example.com").id().toString();
        String phoneToken = accounts.logInToken("alice");
        String laptopToken = accounts.logInToken("alice");
        accounts.clock.advance(Duration.ofSeconds(3));
        Instant now = Now.of(accounts.clock);

        AdminUserView deactivated = admin.deactivateUser.deactivate(admin.admin, alice);

        assertThat(deactivated.active()).isFalse();
        assertThat(deactivated.updatedAt()).isEqualTo(now);
        assertThat(accounts.user(new UserId(UUID.fromString(alice))).active()).isFalse();
        assertThat(accounts.sessions.all()).noneMatch(session -> session.userId().toString().equals(alice));
        for (String token : new String[] {phoneToken, laptopToken}) {
            assertThatThrownBy(() -> accounts.authenticate.authenticate(token, null))
                    .isInstanceOf(UnauthenticatedException.class);
        }
        assertThatThrownBy(() -> accounts.logIn.logIn(new LogInCommand("alice", Registrations.GOOD_PASSWORD)))
                .isInstanceOf(InvalidCredentialsException.class);
    }

    @Test
    void auditsTheDeactivationInItsTransactionWithTheSuperuserAndTheUser() {
        UserId alice = accounts.register("alice", "alice@example.com").id();

        admin.deactivateUser.deactivate(admin.admin, alice.toString());

        AuditEvent deactivated = event(alice, AuditOutcome.SUCCESS);
        assertThat(admin.audited(AuditAction.USER_DEACTIVATED)).containsExactly(deactivated);
        assertThat(accounts.auditWitness.recordedInTransactions()).contains(deactivated);
    }

    @Test
    void deactivatingAnInactiveUserChangesNothingButIsAuditedAgain() {
        UserId alice = accounts.register("alice", "alice@example.com").id();
        AdminUserView first = admin.deactivateUser.deactivate(admin.admin, alice.toString());
        accounts.clock.advance(Duration.ofMinutes(1));

        AdminUserView again = admin.deactivateUser.deactivate(admin.admin, alice.toString());

        assertThat(again).isEqualTo(first);
        assertThat(admin.audited(AuditAction.USER_DEACTIVATED)).hasSize(2)
                .allSatisfy(event -> assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS));
    }

    @Test
    void aSuperuserCannotDeactivateThemselves() {
        assertThatThrownBy(() -> admin.deactivateUser.deactivate(admin.admin, admin.adminId().toString()))
                .isInstanceOf(CannotDeactivateSelfException.class);

        assertThat(accounts.user(admin.adminId()).active()).isTrue();
        assertThat(accounts.authenticate.authenticate(accounts.logInToken("root_admin"), null).userId())
                .isEqualTo(admin.adminId());
        assertThat(admin.audited(AuditAction.USER_DEACTIVATED)).containsExactly(
                event(admin.adminId(), AuditOutcome.FAILURE));
    }

    @Test
    void aSuperuserCanDeactivateAnotherWhoLosesTheAdminApiAtOnce() {
        Authenticated other = admin.superuser("second_admin", "second@example.com");

        admin.deactivateUser.deactivate(admin.admin, other.userId().toString());

        assertThatThrownBy(() -> admin.listUsers.listUsers(ListUsersQuery.everyone(other)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void answersNotFoundForAnUnknownUserAndAuditsTheMiss() {
        UserId unknown = new UserId(UUID.randomUUID());

        assertThatThrownBy(() -> admin.deactivateUser.deactivate(admin.admin, unknown.toString()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> admin.deactivateUser.deactivate(admin.admin, "not-an-id"))
                .isInstanceOf(NotFoundException.class);

        assertThat(admin.audited(AuditAction.USER_DEACTIVATED)).containsExactly(event(unknown, AuditOutcome.FAILURE),
                event(null, AuditOutcome.FAILURE));
    }

    @Test
    void refusesAnyoneButASuperuserAndChangesNothing() {
        Authenticated mallory = admin.member("mallory", "mallory@example.com");
        UserId alice = accounts.register("alice", "alice@example.com").id();
        String aliceToken = accounts.logInToken("alice");

        assertThatThrownBy(() -> admin.deactivateUser.deactivate(mallory, alice.toString()))
                .isInstanceOf(ForbiddenException.class);

        assertThat(accounts.user(alice).active()).isTrue();
        assertThat(accounts.authenticate.authenticate(aliceToken, null).userId()).isEqualTo(alice);
        assertThat(admin.audited(AuditAction.USER_DEACTIVATED)).containsExactly(new AuditEvent(Now.of(accounts.clock),
                AuditAction.USER_DEACTIVATED, alice, AdminAccounts.CLIENT, AuditOutcome.FAILURE, mallory.userId(), null));
    }

    private AuditEvent event(UserId target, AuditOutcome outcome) {
        return new AuditEvent(Now.of(accounts.clock), AuditAction.USER_DEACTIVATED, target, AdminAccounts.CLIENT, outcome,
                admin.adminId(), null);
    }
}
