package dev.accounts.bootstrap.metrics;

import dev.accounts.application.port.out.AuditTrail;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts the security events as the audit trail records them: every event as {@code accounts.audit.events} by
 * {@code action} and {@code outcome}, and the two most watched once more under their own names,
 * {@code accounts.registrations} and {@code accounts.logins} (by {@code outcome}: success, failure, throttled). Like
 * the trail's log line, an event recorded inside a transaction counts only once that transaction has committed: a
 * rolled-back registration did not happen. Tags come from enums only, so the number of series is bounded.
 */
final class CountedAuditTrail implements AuditTrail {

    private final AuditTrail trail;
    private final MeterRegistry registry;

    CountedAuditTrail(AuditTrail trail, MeterRegistry registry) {
        this.trail = trail;
        this.registry = registry;
    }

    @Override
    public void record(AuditEvent event) {
        trail.record(event);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    count(event);
                }
            });
        } else {
            count(event);
        }
    }

    private void count(AuditEvent event) {
        String outcome = lower(event.outcome());
        Counter.builder("accounts.audit.events").description("Security events recorded in the audit trail")
                .tags("action", lower(event.action()), "outcome", outcome).register(registry).increment();
        if (event.action() == AuditAction.REGISTRATION) {
            Counter.builder("accounts.registrations").description("Registrations: made (success) or refused as taken (failure)")
                    .tag("outcome", outcome).register(registry).increment();
        } else if (event.action() == AuditAction.LOGIN || event.action() == AuditAction.LOGIN_THROTTLED) {
            Counter.builder("accounts.logins").description("Logins: success, failure (wrong credentials) or throttled")
                    .tag("outcome", outcome).register(registry).increment();
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
