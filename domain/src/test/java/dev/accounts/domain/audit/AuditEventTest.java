package dev.accounts.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.domain.user.UserId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditEventTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private final UserId admin = new UserId(UUID.randomUUID());
    private final UserId target = new UserId(UUID.randomUUID());

    @Test
    void anEventOfAUserOnTheirOwnAccountHasNoSeparateActorAndNoMessage() {
        AuditEvent event = new AuditEvent(NOW, AuditAction.LOGIN, target, "192.0.2.1", AuditOutcome.SUCCESS);

        assertThat(event.actorId()).isNull();
        assertThat(event.mailId()).isNull();
    }

    @Test
    void anAdminActionNamesTheAdminAsActorAndTheAccountActedOn() {
        AuditEvent event = AuditEvent.byAdmin(NOW, AuditAction.USER_DEACTIVATED, admin, target, "192.0.2.1",
                AuditOutcome.SUCCESS);

        assertThat(event.actorId()).isEqualTo(admin);
        assertThat(event.userId()).isEqualTo(target);
        assertThatThrownBy(() -> AuditEvent.byAdmin(NOW, AuditAction.USER_DEACTIVATED, null, target, null,
                AuditOutcome.SUCCESS)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void anActionAboutAMessageKeepsEverythingElse() {
        UUID mail = UUID.randomUUID();
        AuditEvent event = AuditEvent.byAdmin(NOW, AuditAction.MAIL_REQUEUED, admin, null, null, AuditOutcome.SUCCESS)
                .aboutMail(mail);

        assertThat(event).isEqualTo(new AuditEvent(NOW, AuditAction.MAIL_REQUEUED, null, null, AuditOutcome.SUCCESS,
                admin, mail));
    }
}
