package dev.accounts.bootstrap.badinput;

import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Strings that have broken services before: control characters, line breaks and NUL, header and SQL injection,
 * Unicode that normalises, combines, reverses or is not even well-formed (lone surrogates), and lengths around and far
 * beyond every limit the service has.
 */
public final class NastyStrings {

    /** Known troublemakers, each on its own. */
    static final List<String> FIXED = List.of(
            "", " ", "\t", "null", "true", "0", "-1", "[]", "{}", "undefined", "NaN",
            "\u0000", "a\u0000b", "\r", "\n", "\r\n", "line\nbreak", "x\r\nBcc: victim@example.com",
            "x\nSet-Cookie: session=stolen", "%0d%0aX-Injected: yes", "a\u0001b\u0008c\u001b[31mred\u001b[0m", "\u007f",
            "\u0085", "\u2028", "\u2029", "\u202eevil\u202c", "\ufeffbom", "zero\u200bwidth", "\ufffd", "\uffff", "\u00a0",
            "\ud83d\ude00", "\ud83d\udc69\u200d\ud83d\udc69\u200d\ud83d\udc67\u200d\ud83d\udc66", "\ud83c\udff3\ufe0f\u200d\ud83c\udf08",
            "e\u0301\u0301\u0301\u0301", "Z\u0335\u0321\u0322\u031b\u0317\u0318\u0319\u031c\u031d\u031e\u031f\u0320\u0316",
            "\ufdfa", "\ufb00", "\u212b", "A\u030a", "\uff46\uff55\uff4c\uff4c", "\u0130", "\u00df", "\u01c5", "\ud835\udd38",
            "\ud800", "\udfff", "x\ud83d", "\udc00\ud800",
            "' OR '1'='1", "'; DROP TABLE users; --", "\" OR \"\"=\"", "1; SELECT pg_sleep(5)", "%", "_", "%_%", "\\",
            "\\'", "$$", "$1", "E'\\x00'", "admin'--", "' UNION SELECT password_hash FROM users --", "\\x00",
            "${jndi:ldap://127.0.0.1/a}", "%s%s%s%n", "{0}", "#{7*7}", "<script>alert(1)</script>", "../../etc/passwd",
            "a@b", "a@b.c", "alice@example.com", "\"quoted\"@example.com", "a@[127.0.0.1]", "\u00fc@ex\u00e4mple.com",
            "a@example.com\r\nBcc: b@example.com", "Alice <alice@example.com>", "alice@example.com,bob@example.com",
            "a".repeat(65) + "@example.com", "a@" + "b".repeat(250) + ".com", "@", "a@@b.com", ".a@b.com", "a@-b.com",
            "password1234", "correct horse battery staple", "accounts accounts");

    /** Characters, one per entry, from which random strings are built. */
    private static final List<String> UNITS = List.of(
            "a", "Z", "0", "_", "-", ".", "@", " ", "\t", "\n", "\r", "\u0000", "\u0001", "\u001f", "\u007f", "\u0080",
            "\u009f", "\u00a0", "\u00ad", "\u00e9", "\u0301", "\u0345", "\u05d0", "\u0627", "\u200b", "\u200d", "\u200e",
            "\u202e", "\u2028", "\u3000", "\ufeff", "\ufffd", "\uffff", "\ud83d\ude00", "\ud800", "\udc00", "\"", "\\", "'",
            "%", "<", ">", ";", "$", "{", "}", "\u0130", "\u00df", "\ufb01", "\ud835\udd38", "\ufdfa", "/", "+", "=", "&");

    private static final List<Integer> LONG_LENGTHS = List.of(33, 65, 101, 129, 255, 501, 1_000, 10_000, 60_000);

    private NastyStrings() {
    }

    public static Gen<String> any() {
        return NastyStrings::draw;
    }

    static String draw(RandomnessSource in) {
        return switch (Draw.weighted(in, 40, 25, 12, 13, 10)) {
            case 0 -> Draw.oneOf(in, FIXED);
            case 1 -> random(in, Draw.between(in, 0, 64));
            case 2 -> Draw.oneOf(in, UNITS).repeat(Draw.oneOf(in, LONG_LENGTHS));
            case 3 -> {
                String plain = "fuzz" + Draw.between(in, 0, 99_999);
                int at = Draw.between(in, 0, plain.length());
                yield plain.substring(0, at) + Draw.oneOf(in, UNITS) + plain.substring(at);
            }
            default -> Draw.oneOf(in, FIXED) + random(in, Draw.between(in, 1, 16)) + Draw.oneOf(in, FIXED);
        };
    }

    private static String random(RandomnessSource in, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(Draw.oneOf(in, UNITS));
        }
        return text.toString();
    }
}
