package dev.accounts.adapter.out.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.adapter.out.inmemory.InMemoryMailOutbox.Entry;
import dev.accounts.adapter.out.inmemory.InMemoryMailOutbox.Status;
import dev.accounts.application.fixtures.MutableClock;
import dev.accounts.application.fixtures.Users;
import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.application.port.out.QueuedMail;
import dev.accounts.domain.user.SecretToken;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the in-memory outbox keeps besides the contract: no raw token once a message is finished. */
class InMemoryMailOutboxTest {

    private static final Duration LEASE = Duration.ofMinutes(1);

    private final MutableClock clock = MutableClock.startingAt("2026-05-01T12:00:00.123456Z");
    private final InMemoryMailOutbox outbox = new InMemoryStore(clock).outbox();
    private final SecretToken token = SecretToken.generate();

    @Test
    void forgetsTheTokenOfASentMessageButKeepsTheMessage() {
        QueuedMail claimed = queueAndClaimAPasswordReset();

        outbox.markSent(claimed.id(), clock.instant());

        Entry sent = outbox.entries().getFirst();
        assertThat(sent.status()).isEqualTo(Status.SENT);
        assertThat(sent.mail().parameters()).containsEntry(MailTemplate.TOKEN, "")
                .containsEntry(MailTemplate.USERNAME, "alice");
    }

    @Test
    void forgetsTheTokenOfADeadMessageAndKeepsItsError() {
        QueuedMail claimed = queueAndClaimAPasswordReset();

        outbox.markDead(claimed.id(), "550 no such user");

        Entry dead = outbox.entries().getFirst();
        assertThat(dead.status()).isEqualTo(Status.DEAD);
        assertThat(dead.lastError()).isEqualTo("550 no such user");
        assertThat(dead.mail().parameters()).containsEntry(MailTemplate.TOKEN, "");
    }

    @Test
    void keepsTheTokenOfAMessageThatWaitsForARetry() {
        QueuedMail claimed = queueAndClaimAPasswordReset();

        outbox.retryLater(claimed.id(), clock.instant().plusSeconds(30), "421 try again");

        assertThat(outbox.entries().getFirst().mail().parameters()).containsEntry(MailTemplate.TOKEN, token.reveal());
    }

    @Test
    void datesAMessageByTheClockToTheMicrosecond() {
        clock.set(clock.instant().plusNanos(789));

        outbox.enqueue(OutgoingMail.passwordReset(Users.registered("alice", "alice@example.org"), token));

        assertThat(outbox.entries().getFirst().queuedAt()).isEqualTo("2026-05-01T12:00:00.123456Z");
    }

    private QueuedMail queueAndClaimAPasswordReset() {
        outbox.enqueue(OutgoingMail.passwordReset(Users.registered("alice", "alice@example.org"), token));
        return outbox.claimDue(clock.instant(), LEASE, 10).getFirst();
    }
}
