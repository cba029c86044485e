package dev.accounts.adapter.out.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.accounts.adapter.out.inmemory.InMemoryMailOutbox;
import dev.accounts.adapter.out.inmemory.InMemoryMailOutbox.Entry;
import dev.accounts.adapter.out.inmemory.InMemoryMailOutbox.Status;
import dev.accounts.adapter.out.inmemory.InMemoryStore;
import dev.accounts.adapter.out.mail.ScriptedSmtpServer.AfterMessage;
import dev.accounts.application.port.in.DeliverMailUseCase.DeliveryReport;
import dev.accounts.application.port.out.MailSender;
import dev.accounts.application.service.MailDeliveryService;
import dev.accounts.application.service.RetryPolicy;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The sender and the worker together with the application's delivery service, over real SMTP. */
class OutboxDeliveryTest {

    // Many attempts, so the message cannot run out of them while the test starts the SMTP server.
    private static final RetryPolicy FAST_RETRIES = new RetryPolicy(Duration.ofMillis(50), Duration.ofMillis(200), 100);

    private final InMemoryMailOutbox outbox = new InMemoryStore().outbox();

    private MailDeliveryService deliveryThrough(MailSender sender) {
        return new MailDeliveryService(outbox, sender, FAST_RETRIES, Clock.systemUTC(), Duration.ofSeconds(30), 10, new Random(7));
    }

    private Entry onlyEntry() {
        assertThat(outbox.entries()).hasSize(1);
        return outbox.entries().getFirst();
    }

    @Test
    void mailQueuedWhileSmtpIsDownArrivesExactlyOnceWhenItComesUp() throws Exception {
        int port = FreePort.find();
        try (MimeMailSender sender = new MimeMailSender(TestMail.smtpOnPort(port));
             MailOutboxWorker worker = new MailOutboxWorker(deliveryThrough(sender), Duration.ofMillis(20))) {
            worker.start();
            outbox.enqueue(TestMail.welcome("alice", "alice@example.com"));
            worker.wakeUp();

            Eventually.within(Duration.ofSeconds(10), "two failed attempts", () -> onlyEntry().attempts() >= 2);
            Entry failing = onlyEntry();
            assertThat(failing.status()).isEqualTo(Status.PENDING);
            assertThat(failing.lastError()).startsWith("could not connect to SMTP server");

            GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            try {
                Eventually.within(Duration.ofSeconds(10), "the entry is sent", () -> onlyEntry().status() == Status.SENT);
                Thread.sleep(200); // room for a duplicate to show up, if the worker were to send one
                MimeMessage[] received = smtp.getReceivedMessages();
                assertThat(received).hasSize(1);
                assertThat(received[0].getMessageID()).isEqualTo("<" + onlyEntry().id() + "@" + TestMail.FROM_DOMAIN + ">");
            } finally {
                smtp.stop();
            }
        }
    }

    @Test
    void aRecipientRefusedWith5xxIsGivenUpAfterOneAttempt() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.answeringRecipientsWith("550 5.1.1 No such user");
             MimeMailSender sender = new MimeMailSender(TestMail.smtpOnPort(server.port()))) {
            outbox.enqueue(TestMail.welcome("alice", "alice@example.com"));

            DeliveryReport report = deliveryThrough(sender).deliverDueMail();

            assertThat(report).isEqualTo(new DeliveryReport(0, 0, 1));
            Entry entry = onlyEntry();
            assertThat(entry.status()).isEqualTo(Status.DEAD);
            assertThat(entry.attempts()).isEqualTo(1);
            assertThat(entry.lastError()).isEqualTo("SMTP 550 after RCPT TO: 5.1.1 No such user");
        }
    }

    @Test
    void aRecipientDeferredWith4xxIsTriedAgainLater() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.answeringRecipientsWith("451 4.7.1 Greylisted, try again");
             MimeMailSender sender = new MimeMailSender(TestMail.smtpOnPort(server.port()))) {
            outbox.enqueue(TestMail.welcome("alice", "alice@example.com"));

            DeliveryReport report = deliveryThrough(sender).deliverDueMail();

            assertThat(report).isEqualTo(new DeliveryReport(0, 1, 0));
            Entry entry = onlyEntry();
            assertThat(entry.status()).isEqualTo(Status.PENDING);
            assertThat(entry.lastError()).isEqualTo("SMTP 451 after RCPT TO: 4.7.1 Greylisted, try again");
        }
    }

    @Test
    void aBacklogGoesOutInParallelLanesOverAConnectionEachAndEveryMessageIsRecordedOnce() throws IOException {
        ExecutorService lanes = Executors.newFixedThreadPool(3);
        try (ScriptedSmtpServer server = ScriptedSmtpServer.accepting(AfterMessage.CONTINUE);
             MimeMailSender sender = new MimeMailSender(TestMail.smtpOnPort(server.port()), LinkLifetimes.DEFAULTS, 4)) {
            for (int i = 0; i < 40; i++) {
                outbox.enqueue(TestMail.welcome("user" + i, "user" + i + "@example.com"));
            }
            MailDeliveryService delivery = new MailDeliveryService(outbox, sender, FAST_RETRIES, Clock.systemUTC(),
                    Duration.ofSeconds(30), 20, new Random(7), lanes, 4);

            assertThat(delivery.deliverDueMail()).isEqualTo(new DeliveryReport(20, 0, 0, true));
            assertThat(delivery.deliverDueMail()).isEqualTo(new DeliveryReport(20, 0, 0, true));
            assertThat(delivery.deliverDueMail().attempted()).isZero();

            assertThat(outbox.entries()).extracting(Entry::status).containsOnly(Status.SENT);
            assertThat(server.messages()).isEqualTo(40);
            assertThat(server.connections()).isBetween(1, 4);
        } finally {
            lanes.shutdownNow();
        }
    }
}
