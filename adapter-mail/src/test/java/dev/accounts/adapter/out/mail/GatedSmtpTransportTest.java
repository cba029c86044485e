package dev.accounts.adapter.out.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.accounts.adapter.out.mail.ScriptedSmtpServer.AfterMessage;
import dev.accounts.application.fixtures.CountingGate;
import dev.accounts.application.port.out.MailDeliveryException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The acceptance gate over SMTP: entered once per message, after the envelope and the body and right before the dot
 * that ends the data, so never for a message the server refused earlier; a gate that refuses abandons the message.
 */
class GatedSmtpTransportTest {

    private final WriteTimeouts writeTimeouts = new WriteTimeouts();

    @AfterEach
    void stopWatchingWrites() {
        writeTimeouts.shutdown();
    }

    @Test
    void entersTheGateOnceAfterTheBodyAndBeforeTheServerHasTheMessage() throws IOException {
        List<Integer> messagesAtEntry = new ArrayList<>();
        List<String> commandsAtEntry = new ArrayList<>();
        try (ScriptedSmtpServer server = ScriptedSmtpServer.accepting(AfterMessage.CONTINUE);
             MimeMailSender sender = new MimeMailSender(TestMail.smtpOnPort(server.port()))) {
            CountingGate gate = new CountingGate(() -> {
                messagesAtEntry.add(server.messages());
                commandsAtEntry.addAll(server.commands());
            });

            sender.send(TestMail.queuedWelcome("alice", "alice@example.com"), gate);

            assertThat(messagesAtEntry).as("messages the server had at each entry of the gate").containsExactly(0);
            assertThat(commandsAtEntry).anyMatch(command -> command.startsWith("RCPT TO")).endsWith("DATA");
            assertThat(server.messages()).isOne();
        }
    }

    @Test
    void aRecipientRefusedWith550NeverReachesTheGate() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.answeringRecipientsWith("550 5.1.1 No such user");
             MimeMailSender sender = new MimeMailSender(TestMail.smtpOnPort(server.port()))) {
            CountingGate gate = new CountingGate();

            MailDeliveryException failure = catchThrowableOfType(MailDeliveryException.class,
                    () -> sender.send(TestMail.queuedWelcome("bob", "bob@example.com"), gate));

            assertThat(failure.isPermanent()).isTrue();
            assertThat(gate.entries()).isZero();
        }
    }

    @Test
    void toAServerOfferingPipeliningTheEnvelopeGoesOutWithDataAndTheConnectionServesTheNextMessage()
            throws IOException {
        // This server answers MAIL FROM and RCPT TO only once DATA has come: a client that waits for each reply
        // would wait until its read time-out.
        try (ScriptedSmtpServer server = ScriptedSmtpServer.pipelining("250 2.1.0 OK", "250 2.1.5 OK");
             MimeMailSender sender = new MimeMailSender(TestMail.smtpOnPort(server.port(), Duration.ofSeconds(2)))) {
            CountingGate gate = new CountingGate();

            sender.send(TestMail.queuedWelcome("alice", "alice@example.com"), gate);
            sender.send(TestMail.queuedWelcome("bob", "bob@example.com"), gate);

            assertThat(server.messages()).isEqualTo(2);
            assertThat(gate.entries()).isEqualTo(2);
            assertThat(server.connections()).as("the connection is clean for the next message").isOne();
        }
    }

    /** Each refusal is classified as the same reply is without pipelining: 5xx final, 4xx worth another try. */
    @ParameterizedTest(name = "MAIL FROM answered {0}, RCPT TO answered {1}")
    @CsvSource(delimiter = '|', textBlock = """
            250 2.1.0 OK              | 550 5.1.1 No such user | true  | SMTP 550 after RCPT TO: 5.1.1 No such user
            250 2.1.0 OK              | 451 4.7.1 Greylisted   | false | SMTP 451 after RCPT TO: 4.7.1 Greylisted
            451 4.3.0 Try again later | 250 2.1.5 OK           | false | SMTP 451 after MAIL FROM: 4.3.0 Try again later
            553 5.1.8 Bad sender      | 250 2.1.5 OK           | true  | SMTP 553 after MAIL FROM: 5.1.8 Bad sender
            """)
    void anEnvelopeRefusedWithinAPipelineFailsAsWithoutItAndNeverReachesTheGate(
            String senderReply, String recipientReply, boolean permanent, String reason) throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.pipelining(senderReply, recipientReply);
             MimeMailSender sender = new MimeMailSender(TestMail.smtpOnPort(server.port(), Duration.ofSeconds(2)))) {
            CountingGate gate = new CountingGate();

            MailDeliveryException failure = catchThrowableOfType(MailDeliveryException.class,
                    () -> sender.send(TestMail.queuedWelcome("bob", "bob@example.com"), gate));

            assertThat(failure.isPermanent()).isEqualTo(permanent);
            assertThat(failure).hasMessage(reason);
            assertThat(gate.entries()).isZero();
            assertThat(server.messages()).isZero();
        }
    }

    @Test
    void aGateThatRefusesAbandonsTheMessageAndItsConnectionAtOnce() throws IOException {
        MailDeliveryException refusal = MailDeliveryException.transientFailure("refused by the test", null);
        try (ScriptedSmtpServer server = ScriptedSmtpServer.accepting(AfterMessage.CONTINUE);
             MimeMailSender sender = new MimeMailSender(TestMail.smtpOnPort(server.port(), Duration.ofSeconds(5)))) {
            long start = System.nanoTime();
            Throwable thrown = catchThrowable(() -> sender.send(TestMail.queuedWelcome("alice", "alice@example.com"), () -> {
                throw refusal;
            }));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            sender.send(TestMail.queuedWelcome("bob", "bob@example.com"), new CountingGate());

            assertThat(thrown).isSameAs(refusal);
            // A QUIT in the middle of the data would be taken as text, and its answer awaited for the read time-out.
            assertThat(took).isLessThan(Duration.ofSeconds(3));
            assertThat(server.messages()).as("only the message sent after the refusal").isOne();
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void aMessageSentWithoutAGateIsAbandonedBeforeItsEnd() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.accepting(AfterMessage.CONTINUE)) {
            Session session = SmtpSession.open(TestMail.smtpOnPort(server.port()), writeTimeouts);
            GatedSmtpTransport connection = GatedSmtpTransport.of(session);
            connection.connect();
            MimeMessage message = TestMail.hello(session);

            assertThatThrownBy(() -> connection.sendMessage(message, message.getAllRecipients()))
                    .isInstanceOf(MessagingException.class);
            assertThat(server.commands()).contains("DATA");
            assertThat(server.messages()).isZero();
        }
    }

    @Test
    void overSmtpsSpeaksTlsAndEntersTheGateBeforeTheServerHasTheMessage() throws Exception {
        ServerSetup setup = ServerSetupTest.SMTPS.dynamicPort();
        // Its TLS set-up takes longer than the default 2 s to start on a busy 2-core machine (a CI run failed on it).
        setup.setServerStartupTimeout(15_000);
        GreenMail smtps = new GreenMail(setup);
        smtps.start();
        try {
            Session session = SmtpSession.open(new MailSettings("127.0.0.1", smtps.getSmtps().getPort(), null, null,
                    MailSettings.Transport.SMTPS, TestMail.FROM, TestMail.PUBLIC_URL, Duration.ofSeconds(2), Duration.ofSeconds(2)),
                    writeTimeouts);
            // GreenMail's certificate is a test certificate for no host name: trusted here, and only here.
            session.getProperties().put("mail.smtps.ssl.trust", "*");
            session.getProperties().put("mail.smtps.ssl.checkserveridentity", "false");
            List<Integer> receivedAtEntry = new ArrayList<>();

            try (PooledSmtpTransport transport = new PooledSmtpTransport(session, 1)) {
                transport.deliver(TestMail.hello(session),
                        new CountingGate(() -> receivedAtEntry.add(smtps.getReceivedMessages().length)));
            }

            assertThat(receivedAtEntry).containsExactly(0);
            assertThat(smtps.waitForIncomingEmail(5_000, 1)).isTrue();
        } finally {
            smtps.stop();
        }
    }
}
