package dev.accounts.bootstrap.badinput;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP/1.1 request exactly as it goes on the wire, malformed or not. The request line and the header lines are
 * strings whose characters are bytes (ISO-8859-1), so that any byte, CR, LF and NUL included, can be sent.
 *
 * @param method  the method token as sent
 * @param target  the request target (path and query) as sent
 * @param headers header lines without their CRLF, framing headers included; {@code Connection: close} is added last
 * @param payload the body before framing: what a server that reads it correctly gets
 * @param framing how the body's end is told
 * @param wire    the body as sent, framed
 * @param kind    a short name for the kind of badness in it, for the figures
 */
public record RawRequest(String method, String target, List<String> headers, byte[] payload, Framing framing,
                         byte[] wire, String kind) {

    public RawRequest {
        headers = List.copyOf(headers);
    }

    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(wire.length + 512);
        out.writeBytes((method + " " + target + " HTTP/1.1\r\n").getBytes(StandardCharsets.ISO_8859_1));
        for (String header : headers) {
            out.writeBytes((header + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        // One request per connection: the answer ends where the stream ends, and no request can leak into the next.
        out.writeBytes("Connection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(wire);
        return out.toByteArray();
    }

    /** The header line values named {@code name}, ignoring case, as sent. */
    public List<String> header(String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        return headers.stream()
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                .map(line -> line.substring(prefix.length()).strip())
                .toList();
    }

    /** Readable, with every byte outside printable ASCII escaped and long parts cut, for a failure message. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("[").append(kind).append(", ").append(framing).append("] ")
                .append(Printable.of(method + " " + target, 300)).append('\n');
        for (String header : headers) {
            text.append("  ").append(Printable.of(header, 300)).append('\n');
        }
        text.append("  body (").append(payload.length).append(" bytes): ")
                .append(Printable.of(new String(payload, StandardCharsets.ISO_8859_1), 600));
        return text.toString();
    }
}
