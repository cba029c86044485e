package dev.accounts.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.adapter.out.inmemory.InMemoryMailOutbox.Entry;
import dev.accounts.adapter.out.inmemory.InMemoryMailOutbox.Status;
import dev.accounts.application.fixtures.Users;
import dev.accounts.application.port.in.ForbiddenException;
import dev.accounts.application.port.in.NotFoundException;
import dev.accounts.application.port.in.admin.MailNotRequeueableException;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.application.port.out.QueuedMail;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.audit.AuditOutcome;
import dev.accounts.domain.user.SecretToken;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequeueMailServiceTest {

    private final AdminAccounts admin = new AdminAccounts();
    private final InMemoryAccounts accounts = admin.accounts;

    @Test
    void putsADeadMessageBackDueAtOnceWithEveryAttemptAvailable() {
        OutgoingMail notice = AdminAccounts.notice("gone@example.com");
        UUID id = admin.deadMail(notice);
        accounts.clock.advance(Duration.ofMinutes(5));

        admin.requeueMail.requeue(admin.admin, id.toString());

        assertThat(entry(id)).satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(Status.PENDING);
            assertThat(entry.nextAttemptAt()).isEqualTo(Now.of(accounts.clock));
            assertThat(entry.lastError()).isNull();
        });
        List<QueuedMail> claimed = accounts.outbox.claimDue(accounts.clock.instant(), Duration.ofMinutes(1), 100);
        assertThat(claimed).filteredOn(queued -> queued.id().equals(id)).singleElement().satisfies(again -> {
            assertThat(again.mail()).isEqualTo(notice);
            assertThat(again.attempt()).isOne();
        });
    }

    @Test
    void auditsTheRequeueInItsTransactionNamingTheMessage() {
        UUID id = admin.deadMail(AdminAccounts.notice("gone@example.com"));

        admin.requeueMail.requeue(admin.admin, id.toString());

        AuditEvent requeued = event(id, AuditOutcome.SUCCESS);
        assertThat(admin.audited(AuditAction.MAIL_REQUEUED)).containsExactly(requeued);
        assertThat(accounts.auditWitness.recordedInTransactions()).contains(requeued);
    }

    @Test
    void refusesAMessageWhoseLinkDiedWithItAndLeavesItDead() {
        UUID id = admin.deadMail(OutgoingMail.passwordReset(Users.registered("alice", "alice@example.com"),
                SecretToken.generate()));

        assertThatThrownBy(() -> admin.requeueMail.requeue(admin.admin, id.toString()))
                .isInstanceOf(MailNotRequeueableException.class);

        assertThat(entry(id).status()).isEqualTo(Status.DEAD);
        assertThat(admin.audited(AuditAction.MAIL_REQUEUED)).containsExactly(event(id, AuditOutcome.FAILURE));
    }

    @Test
    void answersNotFoundForAPendingAnUnknownOrAnAlreadyRequeuedMessage() {
        UUID dead = admin.deadMail(AdminAccounts.notice("gone@example.com"));
        admin.requeueMail.requeue(admin.admin, dead.toString());
        accounts.outbox.enqueue(AdminAccounts.notice("pending@example.com"));
        UUID pending = accounts.outbox.entries().getLast().id();

        for (String id : new String[] {dead.toString(), pending.toString(), UUID.randomUUID().toString(), "nope"}) {
            assertThatThrownBy(() -> admin.requeueMail.requeue(admin.admin, id)).isInstanceOf(NotFoundException.class);
        }
        assertThat(entry(pending).status()).isEqualTo(Status.PENDING);
        assertThat(admin.audited(AuditAction.MAIL_REQUEUED)).filteredOn(event -> event.outcome() == AuditOutcome.FAILURE)
                .hasSize(4);
    }

    @Test
    void refusesAnyoneButASuperuserAndLeavesTheMessageDead() {
        UUID id = admin.deadMail(AdminAccounts.notice("gone@example.com"));
        var member = admin.member("mallory", "mallory@example.com");

        assertThatThrownBy(() -> admin.requeueMail.requeue(member, id.toString())).isInstanceOf(ForbiddenException.class);

        assertThat(entry(id).status()).isEqualTo(Status.DEAD);
        assertThat(admin.audited(AuditAction.MAIL_REQUEUED)).containsExactly(new AuditEvent(Now.of(accounts.clock),
                AuditAction.MAIL_REQUEUED, null, AdminAccounts.CLIENT, AuditOutcome.FAILURE, member.userId(), id));
    }

    private Entry entry(UUID id) {
        return accounts.outbox.entries().stream().filter(entry -> entry.id().equals(id)).findFirst().orElseThrow();
    }

    private AuditEvent event(UUID mail, AuditOutcome outcome) {
        return new AuditEvent(Now.of(accounts.clock), AuditAction.MAIL_REQUEUED, null, AdminAccounts.CLIENT, outcome,
                admin.adminId(), mail);
    }
}
