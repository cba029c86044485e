package dev.accounts.bootstrap.badinput;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * JSON-like values written to bytes by hand, so that they can be exactly as wrong as wanted: repeated names,
 * unescaped control characters, invalid UTF-8 inside a string, fragments that are not JSON at all.
 */
sealed interface Json {

    /** How a string's characters are written. */
    enum Escaping {
        /** Quote, backslash and control characters escaped, lone surrogates as \\u escapes, the rest as UTF-8. */
        MINIMAL,
        /** Everything outside printable ASCII as \\u escapes. */
        ASCII,
        /** Control characters sent raw, which JSON forbids; the rest as MINIMAL. */
        RAW_CONTROLS
    }

    void writeTo(ByteArrayOutputStream out);

    default byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeTo(out);
        return out.toByteArray();
    }

    record Str(String value, Escaping escaping) implements Json {
        @Override
        public void writeTo(ByteArrayOutputStream out) {
            writeString(out, value, escaping);
        }
    }

    /** A string with bytes in the middle that are not UTF-8 at all. */
    record BadUtf8(String before, byte[] bytes, String after) implements Json {
        @Override
        public void writeTo(ByteArrayOutputStream out) {
            out.write('"');
            writeChars(out, before, Escaping.MINIMAL);
            out.writeBytes(bytes);
            writeChars(out, after, Escaping.MINIMAL);
            out.write('"');
        }
    }

    /** Literal text, written as is: numbers, {@code true}, {@code null}, or something that is not JSON. */
    record Raw(String text) implements Json {
        @Override
        public void writeTo(ByteArrayOutputStream out) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    record Arr(List<Json> items) implements Json {
        @Override
        public void writeTo(ByteArrayOutputStream out) {
            out.write('[');
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                items.get(i).writeTo(out);
            }
            out.write(']');
        }
    }

    record Member(String name, Json value) {
    }

    /** An object; names may repeat. */
    record Obj(List<Member> members) implements Json {
        @Override
        public void writeTo(ByteArrayOutputStream out) {
            out.write('{');
            for (int i = 0; i < members.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                writeString(out, members.get(i).name(), Escaping.MINIMAL);
                out.write(':');
                members.get(i).value().writeTo(out);
            }
            out.write('}');
        }
    }

    /** Arrays or objects nested {@code depth} deep, far beyond any sane document. */
    record Nested(int depth, boolean objects) implements Json {
        @Override
        public void writeTo(ByteArrayOutputStream out) {
            String open = objects ? "{\"a\":" : "[";
            String close = objects ? "}" : "]";
            out.writeBytes(open.repeat(depth).getBytes(StandardCharsets.US_ASCII));
            out.writeBytes("1".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(close.repeat(depth).getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static void writeString(ByteArrayOutputStream out, String value, Escaping escaping) {
        out.write('"');
        writeChars(out, value, escaping);
        out.write('"');
    }

    private static void writeChars(ByteArrayOutputStream out, String value, Escaping escaping) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean pairStart = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (c == '"' || c == '\\') {
                out.write('\\');
                out.write(c);
            } else if (c < 0x20 && escaping != Escaping.RAW_CONTROLS) {
                escape(out, c);
            } else if (c < 0x80) {
                out.write(c);
            } else if (escaping == Escaping.ASCII || Character.isSurrogate(c) && !pairStart) {
                // A lone surrogate has no UTF-8 form; only an escape can carry it.
                escape(out, c);
                if (pairStart) {
                    escape(out, value.charAt(++i));
                }
            } else if (pairStart) {
                out.writeBytes(value.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
                i++;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void escape(ByteArrayOutputStream out, char c) {
        out.writeBytes(String.format("\\u%04x", (int) c).getBytes(StandardCharsets.US_ASCII));
    }
}
