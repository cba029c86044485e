package dev.accounts.adapter.out.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.accounts.application.fixtures.CountingGate;
import dev.accounts.application.port.out.MailDeliveryException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmtpFailureClassificationTest {

    @Test
    void aRecipientRefusedWith5xxIsPermanentAndTheErrorNamesTheReplyNotTheBody() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.answeringRecipientsWith("550 5.1.1 <bob@example.com>: no such user");
             MimeMailSender sender = new MimeMailSender(TestMail.smtpOnPort(server.port()))) {

            MailDeliveryException failure = sendFailure(sender);

            assertThat(failure.isPermanent()).isTrue();
            assertThat(failure.getMessage()).startsWith("SMTP 550 after RCPT TO: 5.1.1").doesNotContain("signed up");
            assertThat(server.commands()).noneMatch(command -> command.startsWith("DATA"));
        }
    }

    @Test
    void aRecipientDeferredWith4xxIsTransient() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.answeringRecipientsWith("451 4.3.0 Try again later");
             MimeMailSender sender = new MimeMailSender(TestMail.smtpOnPort(server.port()))) {

            MailDeliveryException failure = sendFailure(sender);

            assertThat(failure.isPermanent()).isFalse();
            assertThat(failure.getMessage()).isEqualTo("SMTP 451 after RCPT TO: 4.3.0 Try again later");
        }
    }

    @Test
    void aRefusedConnectionIsTransient() {
        int port = FreePort.find();
        try (MimeMailSender sender = new MimeMailSender(TestMail.smtpOnPort(port))) {

            MailDeliveryException failure = sendFailure(sender);

            assertThat(failure.isPermanent()).isFalse();
            assertThat(failure.getMessage()).startsWith("could not connect to SMTP server 127.0.0.1:" + port);
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutAsTransient() throws IOException {
        // The kernel accepts connections into the backlog; nobody ever sends the greeting.
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
             MimeMailSender sender = new MimeMailSender(TestMail.smtpOnPort(silent.getLocalPort(), Duration.ofMillis(300)))) {
            long start = System.nanoTime();

            MailDeliveryException failure = sendFailure(sender);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            assertThat(failure.isPermanent()).isFalse();
            assertThat(failure.getMessage()).containsIgnoringCase("time");
        }
    }

    private static MailDeliveryException sendFailure(MimeMailSender sender) {
        return catchThrowableOfType(MailDeliveryException.class,
                () -> sender.send(TestMail.queuedWelcome("alice", "alice@example.com"), new CountingGate()));
    }

    @Test
    void anUnexpectedFailureIsTransientAndFoldedOntoOneLine() {
        MailDeliveryException failure = MailFailureClassifier.classify(new IllegalStateException("first\r\nsecond"));

        assertThat(failure.isPermanent()).isFalse();
        assertThat(failure.getMessage()).isEqualTo("SMTP delivery failed: IllegalStateException: first second");
        assertThatThrownBy(() -> { throw failure; }).hasCauseInstanceOf(IllegalStateException.class);
    }
}
