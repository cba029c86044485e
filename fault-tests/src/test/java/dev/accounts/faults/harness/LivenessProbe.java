package dev.accounts.faults.harness;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code GET /health/live} the way an orchestrator's probe sends it: one small request on a connection of its own,
 * read on the calling thread. The HTTP client the load uses would add its own thread hand-offs to every figure;
 * this measures the service. The connection is kept alive and opened again when the server closes it, the
 * connecting counted in that probe's time, as it would be in an orchestrator's.
 */
public final class LivenessProbe implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 5_000;

    private final URI base;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public LivenessProbe(URI base) {
        this.base = base;
    }

    /** One probe: the answer's status and how long it took from the first byte sent to the last received. */
    public Answer probe() {
        long started = System.nanoTime();
        try {
            return exchange(started);
        } catch (IOException firstTry) {
            // The server may have closed the kept-alive connection (it does every so many requests): once more.
            close();
            try {
                return exchange(System.nanoTime());
            } catch (IOException e) {
                close();
                return new Answer(0, "", "", Duration.ofNanos(System.nanoTime() - started),
                        e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    private Answer exchange(long started) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), TIMEOUT_MILLIS);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }
        out.write(("GET /health/live HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n\r\n").getBytes(US_ASCII));
        out.flush();
        String statusLine = line();
        int contentLength = -1;
        boolean closing = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                contentLength = Integer.parseInt(header.substring(header.indexOf(':') + 1).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                contentLength = -2;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closing = true;
            }
        }
        String body = contentLength == -2 ? chunkedBody() : new String(in.readNBytes(Math.max(contentLength, 0)), US_ASCII);
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        if (closing) {
            close();
        }
        return new Answer(Integer.parseInt(statusLine.split(" ")[1]), body, "", latency, null);
    }

    private String chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line().strip(), 16); size > 0; size = Integer.parseInt(line().strip(), 16)) {
            body.write(in.readNBytes(size));
            line();
        }
        line();
        return body.toString(US_ASCII);
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed by the server");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(US_ASCII);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Opened again on the next probe.
            }
            socket = null;
        }
    }
}
