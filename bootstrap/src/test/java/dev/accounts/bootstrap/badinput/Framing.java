package dev.accounts.bootstrap.badinput;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How a request tells the server where its body ends (RFC 9112 §6): honestly, or in one of the ways a broken or
 * hostile client gets it wrong.
 */
public enum Framing {

    /** {@code Content-Length} equal to the body's size (none for an empty body of a method without one). */
    EXACT,
    /** No {@code Content-Length} nor {@code Transfer-Encoding}: the body bytes follow as if they were the next request. */
    NO_LENGTH,
    /** {@code Content-Length: 0} in front of a body. */
    ZERO,
    /** A {@code Content-Length} shorter than the body. */
    SHORTER,
    /** A {@code Content-Length} longer than the body, then the end of the stream: a client that died mid-body. */
    LONGER,
    NEGATIVE,
    NOT_A_NUMBER,
    PLUS_SIGN,
    /** More digits than a 64-bit length holds. */
    OVERFLOWING,
    /** A length over the service's 64 KiB limit in front of a small body. */
    DECLARED_OVER_LIMIT,
    /** The right length, in two headers. */
    DUPLICATE_SAME,
    /** Two different lengths. */
    DUPLICATE_DIFFERENT,
    /** The right length twice in one comma-separated header. */
    LENGTH_LIST,
    CHUNKED,
    /** {@code Transfer-Encoding: chunked} and a {@code Content-Length} as well (request smuggling's classic). */
    CHUNKED_AND_LENGTH,
    /** A chunk size that is not hexadecimal. */
    CHUNKED_BAD_SIZE,
    /** A chunk size of 2^64 - 1, then the end of the stream. */
    CHUNKED_HUGE_SIZE,
    /** Chunks without the closing zero-size chunk, then the end of the stream. */
    CHUNKED_UNTERMINATED,
    /** Chunk extensions ({@code ;name=value}) on every chunk. */
    CHUNKED_WITH_EXTENSIONS,
    /** A transfer coding the server does not implement, in front of chunked. */
    UNKNOWN_TRANSFER_CODING;

    /** The headers and the bytes on the wire for {@code body} framed this way. */
    public Framed frame(String method, byte[] body, int chunkSize) {
        List<String> headers = new ArrayList<>();
        int n = body.length;
        byte[] wire = body;
        switch (this) {
            case EXACT -> {
                if (n > 0 || !(method.equals("GET") || method.equals("HEAD") || method.equals("DELETE"))) {
                    headers.add("Content-Length: " + n);
                }
            }
            case NO_LENGTH -> { }
            case ZERO -> headers.add("Content-Length: 0");
            case SHORTER -> headers.add("Content-Length: " + n / 2);
            case LONGER -> headers.add("Content-Length: " + (n + 1 + n / 3));
            case NEGATIVE -> headers.add("Content-Length: -" + Math.max(1, n));
            case NOT_A_NUMBER -> headers.add("Content-Length: " + n + "abc");
            case PLUS_SIGN -> headers.add("Content-Length: +" + n);
            case OVERFLOWING -> headers.add("Content-Length: 184467440737095516160" + n);
            case DECLARED_OVER_LIMIT -> headers.add("Content-Length: " + (64 * 1024 + 1 + n));
            case DUPLICATE_SAME -> {
                headers.add("Content-Length: " + n);
                headers.add("Content-Length: " + n);
            }
            case DUPLICATE_DIFFERENT -> {
                headers.add("Content-Length: " + n);
                headers.add("Content-Length: " + (n + 1));
            }
            case LENGTH_LIST -> headers.add("Content-Length: " + n + ", " + n);
            case CHUNKED, CHUNKED_WITH_EXTENSIONS -> {
                headers.add("Transfer-Encoding: chunked");
                wire = chunked(body, chunkSize, this == CHUNKED_WITH_EXTENSIONS, true);
            }
            case CHUNKED_AND_LENGTH -> {
                headers.add("Transfer-Encoding: chunked");
                headers.add("Content-Length: " + n);
                wire = chunked(body, chunkSize, false, true);
            }
            case CHUNKED_BAD_SIZE -> {
                headers.add("Transfer-Encoding: chunked");
                wire = concat("zz\r\n".getBytes(StandardCharsets.ISO_8859_1), body,
                        "\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            case CHUNKED_HUGE_SIZE -> {
                headers.add("Transfer-Encoding: chunked");
                wire = concat("ffffffffffffffff\r\n".getBytes(StandardCharsets.ISO_8859_1), body);
            }
            case CHUNKED_UNTERMINATED -> {
                headers.add("Transfer-Encoding: chunked");
                wire = chunked(body, chunkSize, false, false);
            }
            case UNKNOWN_TRANSFER_CODING -> {
                headers.add("Transfer-Encoding: x-unknown, chunked");
                wire = chunked(body, chunkSize, false, true);
            }
        }
        return new Framed(List.copyOf(headers), wire);
    }

    /**
     * Whether the client ends its side of the connection after the request: the server would otherwise wait for
     * bytes that never come. A dying client does the same.
     */
    public boolean closesEarly() {
        return this == LONGER || this == CHUNKED_HUGE_SIZE || this == CHUNKED_UNTERMINATED || this == DECLARED_OVER_LIMIT;
    }

    /**
     * Whether the server may hang up without an answer: the body announced never arrived, so there is no complete
     * request to answer (RFC 9112 §8: an incomplete message).
     */
    public boolean mayGoUnanswered() {
        return this == LONGER || this == CHUNKED_HUGE_SIZE || this == CHUNKED_UNTERMINATED;
    }

    /**
     * Whether the request carries a transfer coding the server does not implement, which RFC 9112 §6.1 answers
     * with 501: the one 5xx that blames the request, not the server.
     */
    public boolean unknownTransferCoding() {
        return this == UNKNOWN_TRANSFER_CODING;
    }

    private static byte[] chunked(byte[] body, int chunkSize, boolean extensions, boolean terminated) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 64);
        int size = Math.max(1, chunkSize);
        for (int offset = 0; offset < body.length; offset += size) {
            int length = Math.min(size, body.length - offset);
            out.writeBytes((Integer.toHexString(length) + (extensions ? ";name=\"value\"" : "") + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, offset, length);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        if (terminated) {
            out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Framing headers and the body as it goes on the wire. */
    public record Framed(List<String> headers, byte[] wire) {
    }
}
