package dev.accounts.bootstrap.badinput;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The final answer read off a connection: status, header lines and the body (de-chunked). Interim 1xx answers
 * (100 Continue) are skipped.
 */
public record RawResponse(int status, List<String> headerLines, byte[] body) {

    public RawResponse {
        headerLines = List.copyOf(headerLines);
    }

    /** Parses everything the server sent before closing the connection; empty when it sent nothing at all. */
    static Optional<RawResponse> parse(byte[] received) {
        int offset = 0;
        while (offset < received.length) {
            int headEnd = indexOf(received, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), offset);
            if (headEnd < 0) {
                throw new IllegalStateException("an answer without the end of its header: "
                        + Printable.of(new String(received, offset, received.length - offset, StandardCharsets.ISO_8859_1), 400));
            }
            String[] lines = new String(received, offset, headEnd - offset, StandardCharsets.ISO_8859_1).split("\r\n");
            String[] statusLine = lines[0].split(" ", 3);
            if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
                throw new IllegalStateException("not an HTTP/1.x status line: " + Printable.of(lines[0], 200));
            }
            int status = Integer.parseInt(statusLine[1]);
            List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
            int bodyStart = headEnd + 4;
            if (status >= 100 && status < 200) {
                offset = bodyStart;
                continue;
            }
            byte[] rest = Arrays.copyOfRange(received, bodyStart, received.length);
            boolean chunked = headers.stream().anyMatch(line -> line.toLowerCase(Locale.ROOT).startsWith("transfer-encoding:")
                    && line.toLowerCase(Locale.ROOT).contains("chunked"));
            return Optional.of(new RawResponse(status, headers, chunked ? dechunk(rest) : rest));
        }
        return Optional.empty();
    }

    /** The first value of the header named {@code name}, ignoring case. */
    public Optional<String> header(String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        return headerLines.stream()
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                .map(line -> line.substring(prefix.length()).strip())
                .findFirst();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "HTTP " + status + " " + headerLines.stream().map(h -> Printable.of(h, 200)).toList()
                + "\n  " + Printable.of(bodyText(), 800);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int offset = 0;
        while (offset < chunked.length) {
            int lineEnd = indexOf(chunked, "\r\n".getBytes(StandardCharsets.ISO_8859_1), offset);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(chunked, offset, lineEnd - offset, StandardCharsets.ISO_8859_1).split(";")[0].strip();
            int size = Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
            offset = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
