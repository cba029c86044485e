package dev.accounts.application.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.fixtures.MutableClock;
import dev.accounts.application.port.out.MailDeliveryQueue;
import dev.accounts.application.port.out.MailOutbox;
import dev.accounts.application.port.out.MailQueueStatistics;
import dev.accounts.application.port.out.MailQueueStatistics.Snapshot;
import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.application.port.out.QueuedMail;
import dev.accounts.domain.user.EmailAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MailQueueStatistics} promises about the outbox it reads:
 * <ul>
 *   <li>{@code pending} counts every message neither sent nor dead, whether due, leased by a worker or waiting for a
 *       retry; {@code dead} counts the messages given up on; sent messages count nowhere.</li>
 *   <li>{@code oldestPendingQueuedAt} is when the oldest pending message was queued (not when it is next due), and is
 *       empty when nothing is pending.</li>
 * </ul>
 *
 * <p>A subclass gives an outbox, empty at the start of each test, that dates what it queues by the clock it is given,
 * and the statistics over that same outbox. Times have microsecond precision, the finest PostgreSQL keeps.
 */
public abstract class MailQueueStatisticsContract {

    private static final Instant T0 = Instant.parse("2026-05-01T12:00:00.123456Z");
    private static final Duration LEASE = Duration.ofMinutes(1);

    /** The outbox as use cases and workers see it, and the statistics that read it. */
    public record Sides(MailOutbox outbox, MailDeliveryQueue queue, MailQueueStatistics statistics) {

        public Sides {
            Objects.requireNonNull(outbox, "outbox");
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(statistics, "statistics");
        }
    }

    private final MutableClock clock = new MutableClock(T0);
    private Sides sides;

    /** An outbox, empty at the start of each test, dating what it queues by {@code clock}, and its statistics. */
    protected abstract Sides outboxWithStatistics(Clock clock);

    @BeforeEach
    void createOutbox() {
        sides = outboxWithStatistics(clock);
    }

    @Test
    void reportsNothingForAnEmptyOutbox() {
        assertThat(sides.statistics().snapshot()).isEqualTo(new Snapshot(0, Optional.empty(), 0));
    }

    @Test
    void countsQueuedMessagesAsPendingSinceTheOldestWasQueued() {
        enqueueAt(T0, "first");
        enqueueAt(T0.plusSeconds(5), "second");

        Snapshot snapshot = sides.statistics().snapshot();

        assertThat(snapshot).isEqualTo(new Snapshot(2, Optional.of(T0), 0));
        assertThat(snapshot.oldestPendingAge(T0.plusSeconds(65))).isEqualTo(Duration.ofSeconds(65));
    }

    @Test
    void keepsCountingALeasedMessageAndOneWaitingForARetryAsPending() {
        enqueueAt(T0, "leased");
        enqueueAt(T0.plusSeconds(1), "retried");
        List<QueuedMail> claimed = sides.queue().claimDue(T0.plusSeconds(2), LEASE, 10);
        sides.queue().retryLater(claimed.get(1).id(), T0.plusSeconds(600), "421 try again");

        assertThat(sides.statistics().snapshot()).as("queued at, not next due at")
                .isEqualTo(new Snapshot(2, Optional.of(T0), 0));
    }

    @Test
    void stopsCountingASentMessageAndMovesTheOldestOn() {
        enqueueAt(T0, "sent");
        enqueueAt(T0.plusSeconds(7), "waiting");
        QueuedMail oldest = sides.queue().claimDue(T0.plusSeconds(8), LEASE, 1).getFirst();

        sides.queue().markSent(oldest.id(), T0.plusSeconds(9));

        assertThat(sides.statistics().snapshot()).isEqualTo(new Snapshot(1, Optional.of(T0.plusSeconds(7)), 0));
    }

    @Test
    void countsADeadMessageAsDeadOnly() {
        enqueueAt(T0, "dead");
        QueuedMail claimed = sides.queue().claimDue(T0, LEASE, 1).getFirst();

        sides.queue().markDead(claimed.id(), "550 no such user");

        assertThat(sides.statistics().snapshot()).isEqualTo(new Snapshot(0, Optional.empty(), 1));
    }

    @Test
    void countsEachMessageOnceWhateverBecameOfTheOthers() {
        for (int i = 0; i < 5; i++) {
            enqueueAt(T0.plusSeconds(i), "user" + i);
        }
        List<QueuedMail> claimed = sides.queue().claimDue(T0.plusSeconds(10), LEASE, 3);
        sides.queue().markSent(claimed.get(0).id(), T0.plusSeconds(11));
        sides.queue().markDead(claimed.get(1).id(), "550 no such user");
        sides.queue().markDead(claimed.get(2).id(), "554 rejected");

        assertThat(sides.statistics().snapshot()).isEqualTo(new Snapshot(2, Optional.of(T0.plusSeconds(3)), 2));
    }

    private void enqueueAt(Instant now, String username) {
        clock.set(now);
        sides.outbox().enqueue(new OutgoingMail(MailTemplate.PASSWORD_CHANGED_NOTICE,
                new EmailAddress(username + "@example.org"), Map.of(MailTemplate.USERNAME, username)));
    }
}
