package dev.accounts.application.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.application.contracts.Concurrently.Outcome;
import dev.accounts.application.port.out.AuditTrail;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.audit.AuditOutcome;
import dev.accounts.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AuditTrail} promises: an event is kept with every field as recorded (an unknown user or client
 * as unknown; the superuser who acted and the message acted on, when there are), whatever its action and outcome, in
 * the order recorded; every one of many concurrent records is kept; an event recorded inside a unit of work is kept
 * when the unit commits and never when it fails, one recorded outside any unit at once.
 *
 * <p>A subclass gives the trail under test, the {@link Transactions} it joins, and a way to read back what it holds.
 * A trail that cannot be emptied (an append-only table) may be shared by tests: each test finds its own events by a
 * user id and client address no other test uses. Times in this contract have microsecond precision, the finest
 * PostgreSQL keeps; client addresses are plain (escaping or cutting odd ones is the adapter's business).
 */
public abstract class AuditTrailContract {

    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00.123456Z");
    private static final int CONCURRENT_RECORDS = 16;

    private final UserId user = new UserId(UUID.randomUUID());
    private final String client = uniqueClientAddress();

    /** The trail under test. */
    protected abstract AuditTrail audit();

    /** The units of work the trail joins. */
    protected abstract Transactions transactions();

    /** Every event the trail holds (committed), oldest first; other tests' events among them do no harm. */
    protected abstract List<AuditEvent> recorded();

    @Test
    void keepsEveryFieldOfAnEvent() {
        AuditEvent event = new AuditEvent(T0, AuditAction.LOGIN, user, client, AuditOutcome.FAILURE);

        audit().record(event);

        assertThat(mine()).containsExactly(event);
    }

    @Test
    void keepsAnUnknownUserAndAnUnknownClientAsUnknown() {
        AuditEvent withoutUser = new AuditEvent(T0, AuditAction.PASSWORD_RESET_REQUEST, null, client, AuditOutcome.FAILURE);
        AuditEvent withoutClient = new AuditEvent(T0, AuditAction.SUPERUSER_CREATED, user, null, AuditOutcome.SUCCESS);

        audit().record(withoutUser);
        audit().record(withoutClient);

        assertThat(mine()).containsExactly(withoutUser, withoutClient);
    }

    @Test
    void keepsTheSuperuserWhoActedAndTheMessageAnActionWasAbout() {
        UserId admin = new UserId(UUID.randomUUID());
        AuditEvent onAccount = AuditEvent.byAdmin(T0, AuditAction.USER_DEACTIVATED, admin, user, client,
                AuditOutcome.SUCCESS);
        AuditEvent onMessage = AuditEvent.byAdmin(T0, AuditAction.MAIL_REQUEUED, admin, null, client, AuditOutcome.FAILURE)
                .aboutMail(UUID.randomUUID());

        audit().record(onAccount);
        audit().record(onMessage);

        assertThat(mine()).containsExactly(onAccount, onMessage);
    }

    @Test
    void acceptsEveryActionAndEveryOutcome() {
        List<AuditEvent> events = new ArrayList<>();
        for (AuditAction action : AuditAction.values()) {
            events.add(new AuditEvent(T0, action, user, client, AuditOutcome.SUCCESS));
        }
        for (AuditOutcome outcome : AuditOutcome.values()) {
            events.add(new AuditEvent(T0.plusSeconds(1), AuditAction.LOGIN, user, client, outcome));
        }

        events.forEach(audit()::record);

        assertThat(mine()).containsExactlyElementsOf(events);
    }

    @Test
    void keepsEventsInTheOrderRecordedWhateverTheirTimes() {
        AuditEvent first = new AuditEvent(T0.plusSeconds(5), AuditAction.LOGIN, user, client, AuditOutcome.FAILURE);
        AuditEvent second = new AuditEvent(T0, AuditAction.LOGIN_THROTTLED, user, client, AuditOutcome.THROTTLED);
        AuditEvent third = new AuditEvent(T0.plusSeconds(9), AuditAction.LOGIN, user, client, AuditOutcome.SUCCESS);

        audit().record(first);
        audit().record(second);
        audit().record(third);

        assertThat(mine()).containsExactly(first, second, third);
    }

    @Test
    void keepsEveryOneOfManyConcurrentRecords() throws InterruptedException {
        List<Outcome<AuditEvent>> outcomes = Concurrently.run(CONCURRENT_RECORDS, i -> () -> {
            AuditEvent event = new AuditEvent(T0.plusSeconds(i), AuditAction.LOGIN, user, client, AuditOutcome.FAILURE);
            audit().record(event);
            return event;
        });

        assertThat(mine()).containsExactlyInAnyOrderElementsOf(outcomes.stream().map(Outcome::value).toList());
    }

    @Test
    void keepsAnEventRecordedInAUnitOfWorkThatCommits() {
        AuditEvent event = new AuditEvent(T0, AuditAction.PASSWORD_CHANGE, user, client, AuditOutcome.SUCCESS);

        transactions().inTransaction(() -> audit().record(event));

        assertThat(mine()).containsExactly(event);
    }

    @Test
    void dropsAnEventRecordedInAUnitOfWorkThatFails() {
        AuditEvent event = new AuditEvent(T0, AuditAction.PASSWORD_CHANGE, user, client, AuditOutcome.SUCCESS);
        IllegalStateException failure = new IllegalStateException("the change failed");

        assertThatThrownBy(() -> transactions().inTransaction(() -> {
            audit().record(event);
            throw failure;
        })).isSameAs(failure);

        assertThat(mine()).isEmpty();
    }

    @Test
    void keepsAnEventRecordedAfterAFailedUnitOfWorkOnItsOwn() {
        AuditEvent change = new AuditEvent(T0, AuditAction.EMAIL_CHANGE, user, client, AuditOutcome.SUCCESS);
        AuditEvent refusal = new AuditEvent(T0, AuditAction.EMAIL_CHANGE, user, client, AuditOutcome.FAILURE);

        assertThatThrownBy(() -> transactions().inTransaction(() -> {
            audit().record(change);
            throw new IllegalStateException("the change failed");
        })).isInstanceOf(IllegalStateException.class);
        audit().record(refusal);

        assertThat(mine()).containsExactly(refusal);
    }

    /** This test's events: those of its user or its client address. */
    private List<AuditEvent> mine() {
        return recorded().stream()
                .filter(event -> user.equals(event.userId()) || client.equals(event.clientAddress()))
                .toList();
    }

    private static String uniqueClientAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "2001:db8:%x:%x:%x:%x::1".formatted(random.nextInt(0x10000), random.nextInt(0x10000),
                random.nextInt(0x10000), random.nextInt(0x10000));
    }
}
