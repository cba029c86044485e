package dev.accounts.bench;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The smallest SMTP server the service's mail client is happy with: it accepts every message and forgets it,
 * counting what arrived. It can answer each message's end of data after a delay, to play a slow mail server.
 * GreenMail would do the accepting, but cannot be told to answer late. Like the mail servers in use (Postfix, Exim,
 * the large providers) it offers PIPELINING (RFC 2920), and it writes the replies to pipelined commands together, once
 * it has read every command that came with them.
 */
final class SmtpSink implements AutoCloseable {

    private final ServerSocket server;
    /*
     * A platform thread per connection (the service keeps a handful open): on a virtual thread every blocking read
     * parks and wakes through the poller, which cost this sink over twice the CPU per message, all of it counted against
     * the service's registrations, since the sink shares the machine.
     */
    private final ExecutorService connections =
            Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().name("smtp-sink-", 0).factory());
    private final AtomicLong received = new AtomicLong();
    private final AtomicReference<Duration> answerDelay = new AtomicReference<>(Duration.ZERO);

    private SmtpSink(ServerSocket server) {
        this.server = server;
    }

    static SmtpSink start() throws IOException {
        SmtpSink sink = new SmtpSink(new ServerSocket(0, 200, InetAddress.getLoopbackAddress()));
        Thread.ofPlatform().daemon().name("smtp-sink-accept").start(sink::acceptLoop);
        return sink;
    }

    int port() {
        return server.getLocalPort();
    }

    long received() {
        return received.get();
    }

    /** From now on, each message is acknowledged this long after its data ended. */
    void answerAfter(Duration delay) {
        answerDelay.set(delay);
    }

    /** Waits until {@code count} messages in all have arrived; false on time-out. */
    boolean awaitReceived(long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.get() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.submit(() -> converse(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void converse(Socket socket) {
        try (socket;
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
             OutputStream out = new BufferedOutputStream(socket.getOutputStream())) {
            reply(out, "220 bench-sink ESMTP");
            out.flush();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO" -> reply(out, "250-bench-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SMTPUTF8");
                    case "HELO" -> reply(out, "250 bench-sink");
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        out.flush(); // the client waits for it before the data
                        skipMessage(in);
                        Duration delay = answerDelay.get();
                        if (!delay.isZero()) {
                            Thread.sleep(delay);
                        }
                        received.incrementAndGet();
                        reply(out, "250 accepted");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        out.flush();
                        return;
                    }
                    default -> reply(out, "250 ok"); // MAIL, RCPT, RSET, NOOP
                }
                if (!in.ready()) {
                    out.flush(); // nothing more was pipelined: the client waits for these replies
                }
            }
        } catch (IOException e) {
            // The client hung up; nothing to count.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void skipMessage(BufferedReader in) throws IOException {
        String line;
        while ((line = in.readLine()) != null && !line.equals(".")) {
            // the body is not kept
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
    }
}
