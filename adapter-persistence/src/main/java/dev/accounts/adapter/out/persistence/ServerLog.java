package dev.accounts.adapter.out.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards what a PostgreSQL server prints to SLF4J, line by line, and keeps the last lines to explain a
 * failed start. Also tells when the server says it accepts connections, so nobody polls a starting server.
 */
final class ServerLog {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final String READY = "database system is ready to accept connections";
    private static final int KEPT_LINES = 20;

    private final Deque<String> tail = new ArrayDeque<>();
    private final CountDownLatch readyOrEnded = new CountDownLatch(1);
    private final Thread reader;

    private ServerLog(InputStream output, String threadName) {
        this.reader = Thread.ofPlatform().daemon().name(threadName).start(() -> pump(output));
    }

    /** Starts following the merged output of a server process; the reading thread ends with the process. */
    static ServerLog follow(Process server, String threadName) {
        return new ServerLog(server.getInputStream(), threadName);
    }

    private void pump(InputStream output) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                keep(line);
                forward(line);
                if (line.contains(READY)) {
                    readyOrEnded.countDown();
                }
            }
        } catch (IOException e) {
            // The pipe closes when the server is gone: nothing more to forward.
        } finally {
            readyOrEnded.countDown();
        }
    }

    private static void forward(String line) {
        if (line.contains("PANIC:")) {
            LOG.error("postgres: {}", line);
        } else if (line.contains("FATAL:") || line.contains("WARNING:")) {
            LOG.warn("postgres: {}", line);
        } else {
            LOG.info("postgres: {}", line);
        }
    }

    private synchronized void keep(String line) {
        if (tail.size() == KEPT_LINES) {
            tail.removeFirst();
        }
        tail.addLast(line);
    }

    /** Waits until the server says it is ready or its output ends; false when the time ran out first. */
    boolean awaitReadyOrEnd(Duration timeout) throws InterruptedException {
        return readyOrEnded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The line that best explains a failure: the last FATAL or PANIC one, else the last line. */
    synchronized String lastProblem() {
        return tail.reversed().stream()
                .filter(line -> line.contains("FATAL:") || line.contains("PANIC:"))
                .findFirst()
                .or(() -> Optional.ofNullable(tail.peekLast()))
                .map(String::strip)
                .orElse("it printed nothing");
    }

    /** Whether any kept line mentions the text, e.g. a failed bind. */
    synchronized boolean mentions(String text) {
        return tail.stream().anyMatch(line -> line.contains(text));
    }

    void awaitEnd(Duration timeout) throws InterruptedException {
        reader.join(timeout);
    }
}
