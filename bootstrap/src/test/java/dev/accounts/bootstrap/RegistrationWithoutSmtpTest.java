package dev.accounts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.fixtures.Registrations;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Registration never waits for SMTP: against a mail server that accepts connections and then never says a word,
 * sign-ups still answer at once; the worker is the one left waiting (up to its SMTP time-out).
 */
class RegistrationWithoutSmtpTest {

    /** Well below the 10 s SMTP time-out a registration would wait if it sent mail itself. */
    private static final Duration PROMPT = Duration.ofSeconds(5);

    @Test
    void registrationsAnswerPromptlyWhileTheMailServerHangs() throws Exception {
        try (SilentServer smtp = new SilentServer();
             RunningService service = RunningService.start(smtp.port(), Map.of("ACCOUNTS_SMTP_TIMEOUT", "10s"))) {
            for (int i = 0; i < 3; i++) {
                var registration = Registrations.valid();
                long started = System.nanoTime();
                HttpResponse<String> response = service.postJson("/api/users", Map.of("username", registration.username(),
                        "email", registration.email(), "password", registration.password()));

                assertThat(response.statusCode()).isEqualTo(201);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PROMPT);
            }
            assertThat(smtp.connections()).as("the worker did try to send").isPositive();
        }
    }

    /** Accepts TCP connections and never answers: the worst mail server, one that neither fails nor works. */
    private static final class SilentServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> accepted = new ArrayList<>();
        private final Thread acceptor = Thread.ofVirtual().start(this::acceptForever);

        SilentServer() throws IOException {
        }

        int port() {
            return socket.getLocalPort();
        }

        synchronized int connections() {
            return accepted.size();
        }

        private void acceptForever() {
            try {
                while (!socket.isClosed()) {
                    Socket connection = socket.accept();
                    synchronized (this) {
                        accepted.add(connection);
                    }
                }
            } catch (IOException closed) {
                // close() ends the loop.
            }
        }

        @Override
        public synchronized void close() throws IOException {
            socket.close();
            for (Socket connection : accepted) {
                connection.close();
            }
            acceptor.interrupt();
        }
    }
}
