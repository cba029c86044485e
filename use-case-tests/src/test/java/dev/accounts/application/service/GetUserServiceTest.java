package dev.accounts.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.application.port.in.ForbiddenException;
import dev.accounts.application.port.in.NotFoundException;
import dev.accounts.application.port.in.admin.AdminUserView;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.audit.AuditOutcome;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GetUserServiceTest {

    private final AdminAccounts admin = new AdminAccounts();
    private final InMemoryAccounts accounts = admin.accounts;

    @Test
    void showsAnyUserWithAPendingAddressAndAuditsTheLookInItsTransaction() {
        User alice = accounts.register("alice", "alice@example.com");
        User pending = alice.withPendingEmail(new EmailAddress("alice@example.org"), accounts.clock.instant());
        accounts.users.update(pending);

        AdminUserView shown = admin.getUser.getUser(admin.admin, alice.id().toString());

        assertThat(shown).isEqualTo(AdminUserView.from(pending));
        assertThat(shown.pendingEmail()).isEqualTo("alice@example.org");
        AuditEvent viewed = event(alice.id(), AuditOutcome.SUCCESS);
        assertThat(admin.audited(AuditAction.ADMIN_USER_VIEWED)).containsExactly(viewed);
        assertThat(accounts.auditWitness.recordedInTransactions()).contains(viewed);
    }

    @Test
    void answersNotFoundForAnUnknownIdAndAuditsTheMiss() {
        UserId unknown = new UserId(UUID.randomUUID());

        assertThatThrownBy(() -> admin.getUser.getUser(admin.admin, unknown.toString()))
                .isInstanceOf(NotFoundException.class);

        assertThat(admin.audited(AuditAction.ADMIN_USER_VIEWED)).containsExactly(event(unknown, AuditOutcome.FAILURE));
    }

    @Test
    void answersNotFoundForWhatIsNotAnId() {
        for (String notAnId : new String[] {"alice", "1-2-3-4-5", "", admin.adminId() + "x"}) {
            assertThatThrownBy(() -> admin.getUser.getUser(admin.admin, notAnId)).isInstanceOf(NotFoundException.class);
        }
        assertThat(admin.audited(AuditAction.ADMIN_USER_VIEWED)).hasSize(4)
                .allSatisfy(event -> assertThat(event.userId()).isNull());
    }

    @Test
    void refusesAnyoneButASuperuserEvenTheirOwnAccount() {
        var member = admin.member("mallory", "mallory@example.com");

        assertThatThrownBy(() -> admin.getUser.getUser(member, member.userId().toString()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> admin.getUser.getUser(member, admin.adminId().toString()))
                .isInstanceOf(ForbiddenException.class);
    }

    private AuditEvent event(UserId target, AuditOutcome outcome) {
        return new AuditEvent(Now.of(accounts.clock), AuditAction.ADMIN_USER_VIEWED, target, AdminAccounts.CLIENT, outcome,
                admin.adminId(), null);
    }
}
