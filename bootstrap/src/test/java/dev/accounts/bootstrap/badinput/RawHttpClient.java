package dev.accounts.bootstrap.badinput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Optional;

/**
 * Sends a {@link RawRequest} over a fresh TCP connection byte for byte and reads everything until the server closes.
 * No HTTP library sits in between, so nothing validates, re-encodes or "fixes" the request.
 */
public final class RawHttpClient {

    /** A hang is a failure too; no answer of this service takes anywhere near this long. */
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    private final InetSocketAddress server;

    public RawHttpClient(String host, int port) {
        this.server = new InetSocketAddress(host, port);
    }

    /** What came back: the answer, or empty when the server closed the connection without a byte. */
    public Exchange send(RawRequest request) {
        try (Socket socket = new Socket()) {
            socket.connect(server, 5_000);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            IOException writeFailure = write(socket, request);
            byte[] received = readAll(socket.getInputStream());
            Optional<RawResponse> response = RawResponse.parse(received);
            if (response.isEmpty() && writeFailure != null) {
                return new Exchange(request, Optional.empty(), "write failed: " + writeFailure);
            }
            return new Exchange(request, response, null);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within " + READ_TIMEOUT_MILLIS + " ms to\n" + request, e);
        } catch (IOException e) {
            return new Exchange(request, Optional.empty(), e.toString());
        }
    }

    /**
     * Writes the request; a server that answers early (413 for a declared size) may close before the client has
     * sent it all, which is not a failure of the request: its answer is still to be read.
     */
    private static IOException write(Socket socket, RawRequest request) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(request.toBytes());
            out.flush();
            if (request.framing().closesEarly()) {
                socket.shutdownOutput();
            }
            return null;
        } catch (IOException e) {
            return e;
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            // A reset after the answer (the server closed with unread request bytes left) loses nothing we need.
            if (received.size() == 0) {
                throw e;
            }
        }
        return received.toByteArray();
    }

    /** A request and what came of it; {@code failure} says why there is no response when there is none. */
    public record Exchange(RawRequest request, Optional<RawResponse> response, String failure) {
    }
}
