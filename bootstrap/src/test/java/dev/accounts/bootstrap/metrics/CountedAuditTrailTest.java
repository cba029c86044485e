package dev.accounts.bootstrap.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.audit.AuditOutcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/**
 * Counting follows the audit trail's own rule: an event recorded in a transaction exists once it commits. The
 * transaction's end is driven here through Spring's synchronization API, as its transaction manager drives it.
 */
class CountedAuditTrailTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    private final List<AuditEvent> recorded = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CountedAuditTrail trail = new CountedAuditTrail(recorded::add, registry);

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void countsAnEventOutsideATransactionAtOnceUnderItsActionAndOutcome() {
        trail.record(event(AuditAction.LOGIN, AuditOutcome.FAILURE));
        trail.record(event(AuditAction.LOGIN_THROTTLED, AuditOutcome.THROTTLED));
        trail.record(event(AuditAction.PASSWORD_CHANGE, AuditOutcome.SUCCESS));

        assertThat(recorded).hasSize(3);
        assertThat(count("accounts.logins", "outcome", "failure")).isEqualTo(1);
        assertThat(count("accounts.logins", "outcome", "throttled")).isEqualTo(1);
        assertThat(registry.get("accounts.audit.events").tags("action", "password_change", "outcome", "success")
                .counter().count()).isEqualTo(1);
        assertThat(registry.find("accounts.registrations").counter()).isNull();
    }

    @Test
    void countsAnEventInsideATransactionOnlyOnceItHasCommitted() {
        TransactionSynchronizationManager.initSynchronization();
        trail.record(event(AuditAction.REGISTRATION, AuditOutcome.SUCCESS));
        assertThat(registry.find("accounts.registrations").counter()).isNull();

        TransactionSynchronizationUtils.invokeAfterCommit(TransactionSynchronizationManager.getSynchronizations());

        assertThat(count("accounts.registrations", "outcome", "success")).isEqualTo(1);
    }

    @Test
    void neverCountsAnEventWhoseTransactionRolledBack() {
        TransactionSynchronizationManager.initSynchronization();
        trail.record(event(AuditAction.REGISTRATION, AuditOutcome.SUCCESS));

        TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(),
                TransactionSynchronization.STATUS_ROLLED_BACK);

        assertThat(registry.find("accounts.registrations").counter()).isNull();
        assertThat(registry.find("accounts.audit.events").counter()).isNull();
    }

    private double count(String name, String tag, String value) {
        return registry.get(name).tag(tag, value).counter().count();
    }

    private static AuditEvent event(AuditAction action, AuditOutcome outcome) {
        return new AuditEvent(NOW, action, null, "192.0.2.1", outcome);
    }
}
