package dev.accounts.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.fixtures.InMemoryMailOutbox;
import dev.accounts.application.fixtures.InMemoryMailOutbox.Entry;
import dev.accounts.application.fixtures.InMemoryMailOutbox.Status;
import dev.accounts.application.fixtures.MutableClock;
import dev.accounts.application.fixtures.Users;
import dev.accounts.application.port.in.DeliverMailUseCase.DeliveryReport;
import dev.accounts.application.port.out.MailDeliveryException;
import dev.accounts.application.port.out.MailSender;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.application.port.out.QueuedMail;
import dev.accounts.domain.user.SecretToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class MailDeliveryServiceTest {

    private static final Duration LEASE = Duration.ofMinutes(1);
    private final MutableClock clock = MutableClock.startingAt("2026-11-21T10:00:00Z");
    private final InMemoryMailOutbox outbox = new InMemoryMailOutbox(clock);
    private final ScriptedSender sender = new ScriptedSender();
    private final RetryPolicy retryPolicy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(8), 3);
    private final MailDeliveryService service =
            new MailDeliveryService(outbox, sender, retryPolicy, clock, LEASE, 10, new SplittableRandom(7));

    @Test
    void sendsDueMailAndMarksItSent() {
        outbox.enqueue(welcome("alice"));

        assertThat(service.deliverDueMail()).isEqualTo(new DeliveryReport(1, 0, 0));
        assertThat(sender.sent).extracting(q -> q.mail().parameters().get("username")).containsExactly("alice");
        assertThat(only().status()).isEqualTo(Status.SENT);
        assertThat(service.deliverDueMail().attempted()).isZero();
    }

    @Test
    void retriesATransientFailureLaterKeepingTheError() {
        outbox.enqueue(welcome("alice"));
        sender.failNext(MailDeliveryException.transientFailure("451 4.3.0 try again later", null));

        assertThat(service.deliverDueMail()).isEqualTo(new DeliveryReport(0, 1, 0));
        Entry entry = only();
        assertThat(entry.status()).isEqualTo(Status.PENDING);
        assertThat(entry.lastError()).isEqualTo("451 4.3.0 try again later");
        assertThat(entry.nextAttemptAt()).isBetween(clock.instant(), clock.instant().plusSeconds(1));

        clock.advance(Duration.ofSeconds(2));
        assertThat(service.deliverDueMail()).isEqualTo(new DeliveryReport(1, 0, 0));
        assertThat(sender.sent).singleElement().extracting(QueuedMail::attempt).isEqualTo(2);
    }

    @Test
    void givesUpAtOnceOnAPermanentFailure() {
        outbox.enqueue(welcome("alice"));
        outbox.enqueue(welcome("bob"));
        sender.failNext(MailDeliveryException.permanentFailure("550 5.1.1 no such user", null));

        assertThat(service.deliverDueMail()).isEqualTo(new DeliveryReport(1, 0, 1));
        assertThat(outbox.entries()).extracting(Entry::status).containsExactly(Status.DEAD, Status.SENT);
        assertThat(outbox.entries().get(0).lastError()).isEqualTo("550 5.1.1 no such user");
    }

    @Test
    void marksMailDeadAfterTheLastAttemptWithTheLastError() {
        outbox.enqueue(welcome("alice"));
        for (int attempt = 1; attempt <= 3; attempt++) {
            sender.failNext(MailDeliveryException.transientFailure("421 busy, attempt " + attempt, null));
            service.deliverDueMail();
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(only().status()).isEqualTo(Status.DEAD);
        assertThat(only().attempts()).isEqualTo(3);
        assertThat(only().lastError()).isEqualTo("421 busy, attempt 3");
    }

    @Test
    void treatsAnUnexpectedExceptionAsTransient() {
        outbox.enqueue(welcome("alice"));
        sender.onNext(mail -> {
            throw new IllegalStateException("connection pool closed");
        });

        assertThat(service.deliverDueMail()).isEqualTo(new DeliveryReport(0, 1, 0));
        assertThat(only().lastError()).isEqualTo("IllegalStateException: connection pool closed");
    }

    @Test
    void aClaimedMessageIsNotClaimedAgainUntilItsLeaseRunsOut() {
        outbox.enqueue(welcome("alice"));
        // A worker that claimed and then died: nothing recorded the outcome.
        outbox.claimDue(clock.instant(), LEASE, 10);

        assertThat(service.deliverDueMail().attempted()).isZero();
        clock.advance(LEASE.plusSeconds(1));
        assertThat(service.deliverDueMail()).isEqualTo(new DeliveryReport(1, 0, 0));
    }

    private Entry only() {
        assertThat(outbox.entries()).hasSize(1);
        return outbox.entries().getFirst();
    }

    private static OutgoingMail welcome(String username) {
        return OutgoingMail.welcome(Users.registered(username, username + "@example.com"), SecretToken.generate());
    }

    /** A sender that succeeds unless told what to do with the next message. */
    private static final class ScriptedSender implements MailSender {
        final List<QueuedMail> sent = new ArrayList<>();
        private final Deque<Consumer<QueuedMail>> script = new ArrayDeque<>();

        void failNext(MailDeliveryException failure) {
            onNext(mail -> {
                throw failure;
            });
        }

        void onNext(Consumer<QueuedMail> behaviour) {
            script.add(behaviour);
        }

        @Override
        public void send(QueuedMail mail) {
            Consumer<QueuedMail> next = script.poll();
            if (next != null) {
                next.accept(mail);
            }
            sent.add(mail);
        }
    }
}
