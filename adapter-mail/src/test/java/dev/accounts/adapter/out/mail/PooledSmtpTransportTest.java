package dev.accounts.adapter.out.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.accounts.adapter.out.mail.ScriptedSmtpServer.AfterMessage;
import dev.accounts.application.fixtures.CountingGate;
import dev.accounts.application.port.out.MailDeliveryException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SMTP connections kept open between messages: reused, opened in parallel, dropped when broken, closed at the end. */
class PooledSmtpTransportTest {

    private static final Duration NEVER = Duration.ofHours(1);

    private final WriteTimeouts writeTimeouts = new WriteTimeouts();

    @AfterEach
    void stopWatchingWrites() {
        writeTimeouts.shutdown();
    }

    @Test
    void sendsMessagesOneAfterAnotherOverOneConnection() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.accepting(AfterMessage.CONTINUE);
             MimeMailSender sender = new MimeMailSender(TestMail.smtpOnPort(server.port()), LinkLifetimes.DEFAULTS, 4)) {
            for (int i = 0; i < 5; i++) {
                sender.send(TestMail.queuedWelcome("alice", "alice@example.com"), new CountingGate());
            }

            assertThat(server.messages()).isEqualTo(5);
            assertThat(server.connections()).isOne();
        }
    }

    @Test
    void parallelSendsOpenAConnectionEachWithoutWaitingForOneAnother() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(3);
        // Connections are accepted, but no greeting ever comes: each send waits for its read time-out (10 s).
        try (SilentServer silent = new SilentServer();
             MimeMailSender sender = new MimeMailSender(TestMail.smtpOnPort(silent.port(), Duration.ofSeconds(10)),
                     LinkLifetimes.DEFAULTS, 3)) {
            List<Future<MailDeliveryException>> sends = IntStream.range(0, 3)
                    .mapToObj(i -> threads.submit(() -> catchThrowableOfType(MailDeliveryException.class,
                            () -> sender.send(TestMail.queuedWelcome("user" + i, "user" + i + "@example.com"), new CountingGate()))))
                    .toList();

            // Were connections opened one after another, the second would wait for the first one's time-out.
            Eventually.within(Duration.ofSeconds(5), "three connections open at once", () -> silent.accepted() == 3);

            silent.close(); // each send now fails at once, as if the server had gone away
            for (Future<MailDeliveryException> send : sends) {
                assertThat(send.get(15, TimeUnit.SECONDS)).satisfies(failure -> assertThat(failure.isPermanent()).isFalse());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aConnectionTheServerDroppedIsNotUsedAgain() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.accepting(AfterMessage.HANG_UP)) {
            Session session = SmtpSession.open(TestMail.smtpOnPort(server.port()), writeTimeouts);
            try (PooledSmtpTransport transport = new PooledSmtpTransport(session, 2, NEVER)) {
                send(transport, session);

                // Used again at once, without a check: this send finds out, and the connection goes.
                MailDeliveryException failure = catchThrowableOfType(MailDeliveryException.class, () -> send(transport, session));
                assertThat(failure.isPermanent()).isFalse();
                assertThat(transport.idleConnections()).isZero();

                send(transport, session);
                assertThat(server.connections()).isEqualTo(2);
                assertThat(server.messages()).isEqualTo(2);
            }
        }
    }

    @Test
    void aConnectionIdleForAWhileIsCheckedAndReplacedWhenTheServerDroppedIt() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.accepting(AfterMessage.HANG_UP)) {
            Session session = SmtpSession.open(TestMail.smtpOnPort(server.port()), writeTimeouts);
            try (PooledSmtpTransport transport = new PooledSmtpTransport(session, 2, Duration.ZERO)) {
                send(transport, session);
                send(transport, session);

                assertThat(server.messages()).isEqualTo(2);
                assertThat(server.connections()).isEqualTo(2);
            }
        }
    }

    @Test
    void aReusedConnectionStillTimesOutWhenTheServerStopsAnswering() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.accepting(AfterMessage.FALL_SILENT);
             MimeMailSender sender = new MimeMailSender(TestMail.smtpOnPort(server.port(), Duration.ofMillis(300)),
                     LinkLifetimes.DEFAULTS, 2)) {
            sender.send(TestMail.queuedWelcome("alice", "alice@example.com"), new CountingGate());
            long start = System.nanoTime();

            MailDeliveryException failure = catchThrowableOfType(MailDeliveryException.class,
                    () -> sender.send(TestMail.queuedWelcome("bob", "bob@example.com"), new CountingGate()));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(failure.isPermanent()).isFalse();
            assertThat(failure.getMessage()).containsIgnoringCase("time");
            sender.send(TestMail.queuedWelcome("carol", "carol@example.com"), new CountingGate());
            assertThat(server.messages()).isEqualTo(2);
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void closingTheSenderEndsItsOpenConnectionsWithQuit() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.accepting(AfterMessage.CONTINUE)) {
            try (MimeMailSender sender = new MimeMailSender(TestMail.smtpOnPort(server.port()), LinkLifetimes.DEFAULTS, 2)) {
                sender.send(TestMail.queuedWelcome("alice", "alice@example.com"), new CountingGate());
                assertThat(server.commands()).doesNotContain("QUIT");
            }

            Eventually.within(Duration.ofSeconds(5), "QUIT on close", () -> server.commands().contains("QUIT"));
        }
    }

    /** Closing also stops the watch over its writes, so a closed sender leaves no thread behind and writes nothing. */
    @Test
    void aClosedSenderSendsNothingMore() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.accepting(AfterMessage.CONTINUE)) {
            MimeMailSender sender = new MimeMailSender(TestMail.smtpOnPort(server.port()), LinkLifetimes.DEFAULTS, 2);
            sender.send(TestMail.queuedWelcome("alice", "alice@example.com"), new CountingGate());
            sender.close();

            MailDeliveryException failure = catchThrowableOfType(MailDeliveryException.class,
                    () -> sender.send(TestMail.queuedWelcome("bob", "bob@example.com"), new CountingGate()));

            assertThat(failure).isNotNull();
            assertThat(server.messages()).isOne();
        }
    }

    private static void send(PooledSmtpTransport transport, Session session) throws MessagingException {
        transport.deliver(TestMail.hello(session), new CountingGate());
    }

    /** Accepts connections and keeps them open, never saying a word. */
    private static final class SilentServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        SilentServer() throws IOException {
            Thread.ofPlatform().daemon().name("silent-smtp").start(() -> {
                while (!socket.isClosed()) {
                    try {
                        accepted.add(socket.accept());
                    } catch (IOException e) {
                        // closed
                    }
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        int accepted() {
            return accepted.size();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket connection : accepted) {
                connection.close();
            }
        }
    }
}
