package dev.accounts.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.application.fixtures.Users;
import dev.accounts.application.port.in.FieldError;
import dev.accounts.application.port.in.ForbiddenException;
import dev.accounts.application.port.in.InvalidInputException;
import dev.accounts.application.port.in.admin.DeadMailView;
import dev.accounts.application.port.in.admin.ListDeadMailQuery;
import dev.accounts.application.port.in.admin.ListUsersQuery;
import dev.accounts.application.port.in.admin.Page;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.audit.AuditOutcome;
import dev.accounts.domain.user.SecretToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ListDeadMailServiceTest {

    private final AdminAccounts admin = new AdminAccounts();
    private final InMemoryAccounts accounts = admin.accounts;

    @Test
    void listsDeadMailOldestFirstSayingWhichCanBeSentAgainAndNeverTheParameters() {
        SecretToken token = SecretToken.generate();
        UUID reset = admin.deadMail(OutgoingMail.passwordReset(Users.registered("alice", "alice@example.com"), token));
        accounts.clock.advance(Duration.ofSeconds(1));
        UUID notice = admin.deadMail(AdminAccounts.notice("gone@example.com"));
        accounts.outbox.enqueue(AdminAccounts.notice("pending@example.com"));

        Page<DeadMailView> page = admin.listDeadMail.listDeadMail(new ListDeadMailQuery(admin.admin, null, null));

        assertThat(page.items()).extracting(DeadMailView::id).containsExactly(reset, notice);
        assertThat(page.items().getFirst()).satisfies(dead -> {
            assertThat(dead.recipient()).isEqualTo("alice@example.com");
            assertThat(dead.template()).isEqualTo("PASSWORD_RESET");
            assertThat(dead.attempts()).isOne();
            assertThat(dead.lastError()).isEqualTo("SMTP 550 after RCPT TO: 5.1.1 no such user");
            assertThat(dead.diedAt()).isNotNull();
            assertThat(dead.requeueable()).as("its link's token is gone").isFalse();
            assertThat(dead.toString()).doesNotContain(token.reveal());
        });
        assertThat(page.items().get(1).requeueable()).isTrue();
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void pagesByCursor() {
        List<UUID> dead = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            accounts.clock.advance(Duration.ofMillis(1));
            dead.add(admin.deadMail(AdminAccounts.notice("gone" + i + "@example.com")));
        }

        List<UUID> seen = new ArrayList<>();
        String cursor = null;
        do {
            Page<DeadMailView> page = admin.listDeadMail.listDeadMail(new ListDeadMailQuery(admin.admin, cursor, 2));
            page.items().forEach(item -> seen.add(item.id()));
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(dead);
    }

    @Test
    void refusesACursorOfTheUserListingAndALimitOutOfRange() {
        accounts.register("alice", "alice@example.com");
        String usersCursor = admin.listUsers.listUsers(new ListUsersQuery(admin.admin, null, null, null, null, 1))
                .nextCursor();

        assertThatThrownBy(() -> admin.listDeadMail.listDeadMail(new ListDeadMailQuery(admin.admin, usersCursor, 0)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("cursor", "is not a cursor this listing returned"),
                        new FieldError("limit", "must be between 1 and 200")));
    }

    @Test
    void auditsTheListingAndRefusesAnyoneButASuperuser() {
        var member = admin.member("mallory", "mallory@example.com");

        admin.listDeadMail.listDeadMail(new ListDeadMailQuery(admin.admin, null, null));
        assertThatThrownBy(() -> admin.listDeadMail.listDeadMail(new ListDeadMailQuery(member, null, null)))
                .isInstanceOf(ForbiddenException.class);

        AuditEvent listed = new AuditEvent(Now.of(accounts.clock), AuditAction.ADMIN_DEAD_MAIL_LISTED, null,
                AdminAccounts.CLIENT, AuditOutcome.SUCCESS, admin.adminId(), null);
        assertThat(admin.audited(AuditAction.ADMIN_DEAD_MAIL_LISTED)).containsExactly(listed, new AuditEvent(
                Now.of(accounts.clock), AuditAction.ADMIN_DEAD_MAIL_LISTED, null, AdminAccounts.CLIENT,
                AuditOutcome.FAILURE, member.userId(), null));
        assertThat(accounts.auditWitness.recordedInTransactions()).contains(listed);
    }
}
