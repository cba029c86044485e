package dev.accounts.bootstrap;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes throttle rows (or in-memory entries) that went quiet a day ago and block nothing: one per client address
 * that ever failed would otherwise pile up. Hourly; several instances doing it at once is harmless (a DELETE by age).
 */
final class ThrottleHousekeeping implements AutoCloseable {

    /** What each store's throttle offers besides the port: forgetting the keys not written since a time. */
    @FunctionalInterface
    interface StaleEntries {

        /** Deletes the entries not written since {@code olderThan} that block nothing by then; returns how many. */
        int deleteStale(Instant olderThan);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ThrottleHousekeeping.class);
    private static final Duration KEEP = Duration.ofDays(1);
    private static final Duration EVERY = Duration.ofHours(1);

    private final StaleEntries throttle;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            runnable -> Thread.ofPlatform().name("throttle-housekeeping").daemon(true).unstarted(runnable));

    ThrottleHousekeeping(StaleEntries throttle, Clock clock) {
        this.throttle = throttle;
        this.clock = clock;
    }

    void start() {
        scheduler.scheduleWithFixedDelay(this::sweep, EVERY.toMinutes(), EVERY.toMinutes(), TimeUnit.MINUTES);
    }

    void sweep() {
        try {
            int deleted = throttle.deleteStale(clock.instant().minus(KEEP));
            LOG.debug("throttle housekeeping deleted {} stale rows", deleted);
        } catch (RuntimeException e) {
            // The next hour tries again; a database outage is reported by the requests that meet it.
            LOG.warn("throttle housekeeping failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
