package dev.accounts.bootstrap.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.port.out.MailQueueStatistics;
import dev.accounts.application.port.out.MailQueueStatistics.Snapshot;
import dev.accounts.application.port.out.StoreUnavailableException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentMailQueueSnapshotTest {

    private static final Duration MAX_AGE = Duration.ofSeconds(1);

    private final AtomicLong nanoTime = new AtomicLong(1_000);
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicBoolean databaseDown = new AtomicBoolean();
    private final MailQueueStatistics statistics = () -> {
        reads.incrementAndGet();
        if (databaseDown.get()) {
            throw new StoreUnavailableException("the database cannot be reached", null);
        }
        return new Snapshot(reads.get(), Optional.empty(), 0);
    };
    private final RecentMailQueueSnapshot recent = new RecentMailQueueSnapshot(statistics, MAX_AGE, nanoTime::get);

    @Test
    void readsOnceForEveryGaugeOfAScrapeAndAgainOnlyOnceTheFiguresAreTooOld() {
        assertThat(recent.get()).map(Snapshot::pending).hasValue(1L);
        assertThat(recent.get()).map(Snapshot::pending).hasValue(1L);
        nanoTime.addAndGet(MAX_AGE.toNanos() - 1);
        assertThat(recent.get()).map(Snapshot::pending).hasValue(1L);

        nanoTime.addAndGet(1);

        assertThat(recent.get()).map(Snapshot::pending).hasValue(2L);
        assertThat(reads).hasValue(2);
    }

    @Test
    void reportsNothingWhileTheDatabaseIsDownAndDoesNotAskItAgainAtEveryScrape() {
        databaseDown.set(true);

        assertThat(recent.get()).isEmpty();
        assertThat(recent.get()).isEmpty();
        assertThat(reads).hasValue(1);

        databaseDown.set(false);
        nanoTime.addAndGet(MAX_AGE.toNanos());
        assertThat(recent.get()).map(Snapshot::pending).hasValue(2L);
    }
}
