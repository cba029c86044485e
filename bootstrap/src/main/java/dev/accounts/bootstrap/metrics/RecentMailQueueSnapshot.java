package dev.accounts.bootstrap.metrics;

import dev.accounts.application.port.out.MailQueueStatistics;
import dev.accounts.application.port.out.MailQueueStatistics.Snapshot;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's figures, read at most once per {@code maxAge}: the three outbox gauges of one scrape share one read,
 * and however many scrapers there are, the database answers at most one query per {@code maxAge}. A failed read
 * (the database down) is remembered for as long, as "unknown", so scrapes during an outage neither pile up on the
 * pool nor flood the log: the first failure is logged, and the recovery.
 */
final class RecentMailQueueSnapshot {

    private static final Logger LOG = LoggerFactory.getLogger(RecentMailQueueSnapshot.class);

    private final MailQueueStatistics statistics;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private long readAt;
    private boolean read;
    private Snapshot last;

    RecentMailQueueSnapshot(MailQueueStatistics statistics, Duration maxAge) {
        this(statistics, maxAge, System::nanoTime);
    }

    RecentMailQueueSnapshot(MailQueueStatistics statistics, Duration maxAge, LongSupplier nanoTime) {
        this.statistics = statistics;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The latest figures, or empty while they cannot be read. */
    synchronized Optional<Snapshot> get() {
        long now = nanoTime.getAsLong();
        if (!read || now - readAt >= maxAgeNanos) {
            last = readOrNull();
            readAt = now;
            read = true;
        }
        return Optional.ofNullable(last);
    }

    private Snapshot readOrNull() {
        try {
            Snapshot snapshot = statistics.snapshot();
            if (read && last == null) {
                LOG.info("Mail outbox statistics readable again");
            }
            return snapshot;
        } catch (RuntimeException e) {
            if (!read || last != null) {
                LOG.warn("Mail outbox statistics unreadable, outbox gauges report NaN until they are: {}",
                        e.getMessage());
            }
            return null;
        }
    }
}
