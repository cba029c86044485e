package dev.accounts.bootstrap.metrics;

import dev.accounts.application.port.out.MailQueueStatistics;
import dev.accounts.application.port.out.MailQueueStatistics.Snapshot;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.function.ToDoubleFunction;

/**
 * The outbox as gauges: {@code accounts.mail.outbox.pending} (the backlog: neither sent nor dead),
 * {@code accounts.mail.outbox.oldest.pending.age} (seconds the oldest of them has waited since it was queued; 0 when
 * none waits) and {@code accounts.mail.outbox.dead}. They describe the shared database, so every instance reports
 * the same figures: aggregate them with max, not sum. NaN while the database cannot be read.
 */
final class MailQueueGauges {

    /** Fresh enough for alerting; rare enough that scrapes never load the database. */
    static final Duration MAX_AGE = Duration.ofSeconds(1);

    /** @param statistics the store's outbox statistics, or null when it has none: then there are no gauges */
    MailQueueGauges(MeterRegistry registry, MailQueueStatistics statistics, Clock clock) {
        if (statistics == null) {
            return;
        }
        RecentMailQueueSnapshot recent = new RecentMailQueueSnapshot(statistics, MAX_AGE);
        gauge(registry, "accounts.mail.outbox.pending", "Mail neither sent nor given up on yet", null, recent,
                Snapshot::pending);
        gauge(registry, "accounts.mail.outbox.oldest.pending.age", "How long the oldest pending mail has waited",
                "seconds", recent, snapshot -> snapshot.oldestPendingAge(clock.instant()).toMillis() / 1000.0);
        gauge(registry, "accounts.mail.outbox.dead", "Mail given up on, kept for inspection and re-queueing", null,
                recent, Snapshot::dead);
    }

    private static void gauge(MeterRegistry registry, String name, String description, String unit,
                              RecentMailQueueSnapshot recent, ToDoubleFunction<Snapshot> figure) {
        Gauge.builder(name, recent, source -> source.get().map(figure::applyAsDouble).orElse(Double.NaN))
                .description(description)
                .baseUnit(unit)
                .strongReference(true)
                .register(registry);
    }
}
