package dev.accounts.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The sink speaks enough SMTP for a mail client, pipelined or not, counts what it accepted, and can answer late.
 */
class SmtpSinkTest {

    @Test
    void acceptsAndCountsMessagesOverOneConnection() throws Exception {
        try (SmtpSink sink = SmtpSink.start(); Dialogue smtp = new Dialogue(sink.port())) {
            assertThat(smtp.read()).startsWith("220");
            smtp.send("EHLO client");
            assertThat(smtp.readReply()).contains("250-PIPELINING").endsWith("250 SMTPUTF8");
            smtp.sendMessage();
            smtp.sendMessage();

            assertThat(sink.awaitReceived(2, Duration.ofSeconds(5))).isTrue();
            assertThat(sink.received()).isEqualTo(2);
        }
    }

    @Test
    void answersAPipelinedEnvelopeWithDataInOrder() throws Exception {
        try (SmtpSink sink = SmtpSink.start(); Dialogue smtp = new Dialogue(sink.port())) {
            smtp.read();
            smtp.send("EHLO client");
            smtp.readReply();

            smtp.send("MAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\nDATA");

            assertThat(smtp.read()).startsWith("250");
            assertThat(smtp.read()).startsWith("250");
            assertThat(smtp.read()).startsWith("354");
            smtp.send("Subject: hello\r\n\r\nbody line\r\n.");
            assertThat(smtp.read()).startsWith("250");
            assertThat(sink.awaitReceived(1, Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void acknowledgesTheDataLateWhenToldTo() throws Exception {
        try (SmtpSink sink = SmtpSink.start(); Dialogue smtp = new Dialogue(sink.port())) {
            sink.answerAfter(Duration.ofMillis(400));
            smtp.read();
            smtp.send("HELO client");
            smtp.read();

            long start = System.nanoTime();
            smtp.sendMessage();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        }
    }

    /** A hand-written SMTP client: the test shows the protocol the sink answers, line by line. */
    private static final class Dialogue implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;

        Dialogue(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            out = socket.getOutputStream();
        }

        void send(String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        String read() throws IOException {
            return in.readLine();
        }

        /** The lines of a multi-line reply, up to the one without a dash after the code. */
        String readReply() throws IOException {
            StringBuilder reply = new StringBuilder();
            String line;
            do {
                line = in.readLine();
                reply.append(line).append('\n');
            } while (line.length() > 3 && line.charAt(3) == '-');
            return reply.toString().strip();
        }

        void sendMessage() throws IOException {
            send("MAIL FROM:<a@example.com>");
            assertThat(read()).startsWith("250");
            send("RCPT TO:<b@example.com>");
            assertThat(read()).startsWith("250");
            send("DATA");
            assertThat(read()).startsWith("354");
            send("Subject: hello\r\n\r\nbody line\r\n.");
            assertThat(read()).startsWith("250");
        }

        @Override
        public void close() throws IOException {
            send("QUIT");
            socket.close();
        }
    }
}
