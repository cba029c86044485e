package dev.accounts.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.ForbiddenException;
import dev.accounts.application.port.in.NotFoundException;
import dev.accounts.application.port.in.UnauthenticatedException;
import dev.accounts.application.port.in.admin.AdminUserView;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.audit.AuditOutcome;
import dev.accounts.domain.user.UserId;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReactivateUserServiceTest {

    private final AdminAccounts admin = new AdminAccounts();
    private final InMemoryAccounts accounts = admin.accounts;

    @Test
    void letsADeactivatedUserLogInAgainButNotWithTheSessionsThatEnded() {
        UserId alice = accounts.register("alice", "alice@example.com").id();
        String oldToken = accounts.logInToken("alice");
        admin.deactivateUser.deactivate(admin.admin, alice.toString());
        accounts.clock.advance(Duration.ofSeconds(5));

        AdminUserView reactivated = admin.reactivateUser.reactivate(admin.admin, alice.toString());

        assertThat(reactivated.active()).isTrue();
        assertThat(reactivated.updatedAt()).isEqualTo(Now.of(accounts.clock));
        assertThat(accounts.authenticate.authenticate(accounts.logInToken("alice"), null).userId()).isEqualTo(alice);
        assertThatThrownBy(() -> accounts.authenticate.authenticate(oldToken, null))
                .isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void auditsTheReactivationInItsTransactionEvenOfAnActiveUser() {
        UserId alice = accounts.register("alice", "alice@example.com").id();
        AdminUserView before = AdminUserView.from(accounts.user(alice));

        AdminUserView after = admin.reactivateUser.reactivate(admin.admin, alice.toString());

        assertThat(after).as("an active user stays as it was").isEqualTo(before);
        AuditEvent reactivated = event(alice, AuditOutcome.SUCCESS);
        assertThat(admin.audited(AuditAction.USER_REACTIVATED)).containsExactly(reactivated);
        assertThat(accounts.auditWitness.recordedInTransactions()).contains(reactivated);
    }

    @Test
    void answersNotFoundForAnUnknownUser() {
        UserId unknown = new UserId(UUID.randomUUID());

        assertThatThrownBy(() -> admin.reactivateUser.reactivate(admin.admin, unknown.toString()))
                .isInstanceOf(NotFoundException.class);

        assertThat(admin.audited(AuditAction.USER_REACTIVATED)).containsExactly(event(unknown, AuditOutcome.FAILURE));
    }

    @Test
    void refusesAnyoneButASuperuser() {
        UserId alice = accounts.register("alice", "alice@example.com").id();
        admin.deactivateUser.deactivate(admin.admin, alice.toString());
        Authenticated mallory = admin.member("mallory", "mallory@example.com");

        assertThatThrownBy(() -> admin.reactivateUser.reactivate(mallory, alice.toString()))
                .isInstanceOf(ForbiddenException.class);

        assertThat(accounts.user(alice).active()).isFalse();
    }

    private AuditEvent event(UserId target, AuditOutcome outcome) {
        return new AuditEvent(Now.of(accounts.clock), AuditAction.USER_REACTIVATED, target, AdminAccounts.CLIENT, outcome,
                admin.adminId(), null);
    }
}
