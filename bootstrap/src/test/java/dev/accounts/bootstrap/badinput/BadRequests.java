package dev.accounts.bootstrap.badinput;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Whole requests for one endpoint: a body from {@link JsonBodies}, and around it, now and then, a wrong method, a
 * mangled path or query, a wrong or missing content type, a bogus bearer token, a hostile header, or a lying
 * {@link Framing}. Most requests get only one or two things wrong, so that each reaches past the others.
 */
public final class BadRequests {

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE",
            "HEAD", "FOO", "get", "PROPFIND", "CONNECT");

    private static final List<String> CONTENT_TYPES = List.of("", "text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "multipart/form-data", "*/*",
            "application/*", "json", "application/json;;", "application/json; charset=bogus",
            "application/json; charset=utf-16", "application/json;charset=ISO-8859-1", "APPLICATION/JSON",
            "application/json; charset=\"utf-8\"", "application/merge-patch+json", "application/problem+json",
            "application/json; boundary", "application/json\u0000", "application/json, text/plain",
            "application/" + "x".repeat(2_000), "\u00ff\u00fe");

    private static final List<String> ACCEPTS = List.of("text/html", "application/xml", "application/problem+json",
            "garbage", "application/json;q=0", "text/*;q=0.5, */*;q=0.1", "*/*", "application/json, ".repeat(400),
            "\u00ff");

    private static final List<String> QUERIES = List.of("token=a b", "token=\"<>", "x={}|^`", "%", "%zz", "%0", "%00",
            "%0d%0aSet-Cookie:%20a=b", "%C0%AF", "%ff%fe", "%u0041", "\u00e9", utf8AsBytes("\ud83d\ude00=\u00e9"),
            "a=1&a=2&;;&=&&", "token=" + "a".repeat(4_000), "token=" + "a".repeat(9_000), "#fragment",
            "token[]=1&token[x]=2", "..%2f..%2f", "token=%27%20OR%20%271%27%3D%271");

    private static final List<List<String>> HOSTILE_HEADERS = List.of(
            List.of("X-Forwarded-For: ' OR 1=1 --"), List.of("X-Forwarded-For: 999.1.1.1, ::1, garbage"),
            List.of("X-Forwarded-For: " + "1.1.1.1, ".repeat(500)), List.of("X-Request-Id: ../../x%00\u00ff"),
            List.of("X-Request-Id: " + "r".repeat(5_000)), List.of("Origin: https://evil.example"), List.of("Origin: null"),
            List.of("Expect: 100-continue"), List.of("Expect: something-else"), List.of("Cookie: JSESSIONID=garbage; a=\"b"),
            List.of("Content-Encoding: gzip"), List.of("Range: bytes=0-1"), List.of("If-None-Match: *"),
            List.of("X-Bad: a\u0000b"), List.of("X-Bad: a\rb"), List.of("X-Bad: a\u007fb"), List.of("X-Bad: \u00ff\u00fe"),
            List.of("X-Utf8: " + utf8AsBytes("\ud83d\ude00\u00e9")), List.of("X-Folded: first", " folded continuation"),
            List.of("NoColonHeader"), List.of("Bad Name: x"), List.of(":empty-name"), List.of("X-Long: " + "a".repeat(9_000)),
            IntStream.range(0, 120).mapToObj(i -> "X-Many-" + i + ": v").toList(),
            List.of("X-Injected: x", "Set-Cookie: session=stolen"), List.of("Content-Type: text/plain"));

    private BadRequests() {
    }

    /**
     * @param host       the {@code Host} header value of a right request
     * @param anySession a live token, for bearer variants sent to endpoints that need no session
     */
    public static Gen<RawRequest> forEndpoint(Endpoint endpoint, String host, Supplier<String> anySession) {
        Gen<RawRequest> requests = in -> draw(in, endpoint, host, anySession);
        return requests.describedAs(RawRequest::toString);
    }

    private static RawRequest draw(RandomnessSource in, Endpoint endpoint, String host, Supplier<String> anySession) {
        Set<String> kinds = new LinkedHashSet<>();
        String method = endpoint.method();
        if (Draw.chance(in, 4)) {
            method = Draw.oneOf(in, METHODS);
            kinds.add("method");
        }
        String target = endpoint.path().generate(in);
        if (Draw.chance(in, 6)) {
            target = mangledPath(in, target);
            kinds.add("path");
        }
        if (Draw.chance(in, 15)) {
            target += (Draw.chance(in, 50) ? "?token=" + Draw.tokenShaped(in) : "?" + Draw.oneOf(in, QUERIES));
            kinds.add("query");
        }

        JsonBodies.Body body = endpoint.takesBody() || Draw.chance(in, 25)
                ? JsonBodies.draw(in, endpoint.fields())
                : new JsonBodies.Body(new byte[0], "no-body");
        kinds.add(body.kind());

        List<String> headers = new ArrayList<>();
        if (Draw.chance(in, 95)) {
            headers.add("Host: " + host);
        } else {
            headers.addAll(Draw.oneOf(in, List.of(List.<String>of(), List.of("Host: "), List.of("Host: evil.example"),
                    List.of("Host: a b"), List.of("Host: [::1"), List.of("Host: 127.0.0.1:99999"),
                    List.of("Host: " + host, "Host: evil.example"), List.of("Host: " + "h".repeat(300)))));
            kinds.add("host");
        }
        boolean rightType = body.bytes().length > 0 ? Draw.chance(in, 85) : Draw.chance(in, 10);
        if (rightType) {
            headers.add("Content-Type: " + endpoint.contentType());
        } else if (Draw.chance(in, body.bytes().length > 0 ? 80 : 30)) {
            headers.add("Content-Type: " + Draw.oneOf(in, CONTENT_TYPES));
            kinds.add("content-type");
        }
        if (Draw.chance(in, 12)) {
            headers.add("Accept: " + Draw.oneOf(in, ACCEPTS));
            kinds.add("accept");
        }
        Supplier<String> live = endpoint.session() != null ? endpoint.session() : anySession;
        if (endpoint.session() != null && Draw.chance(in, 82)) {
            headers.add("Authorization: Bearer " + live.get());
        } else if (endpoint.session() != null || Draw.chance(in, 12)) {
            headers.addAll(bearerVariant(in, live.get()));
            kinds.add("authorization");
        }
        if (Draw.chance(in, 10)) {
            headers.addAll(Draw.oneOf(in, HOSTILE_HEADERS));
            kinds.add("header");
        }

        Framing framing = Framing.EXACT;
        if (Draw.chance(in, 14)) {
            framing = Draw.oneOf(in, List.of(Framing.values()).subList(1, Framing.values().length));
            kinds.add("framing");
        }
        Framing.Framed framed = framing.frame(method, body.bytes(), Draw.between(in, 1, 4_096));
        headers.addAll(framed.headers());
        return new RawRequest(method, target, headers, body.bytes(), framing, framed.wire(), String.join("+", kinds));
    }

    /** Header lines that carry a token badly, or another scheme, or several tokens; maybe none at all. */
    private static List<String> bearerVariant(RandomnessSource in, String live) {
        String header = "Authorization: ";
        return switch (Draw.between(in, 0, 21)) {
            case 0 -> List.of();
            case 1 -> List.of(header + "Bearer");
            case 2 -> List.of(header + "Bearer ");
            case 3 -> List.of(header + "bearer " + live);
            case 4 -> List.of(header + "BEARER " + live);
            case 5 -> List.of(header + "Bearer " + live + "x");
            case 6 -> List.of(header + "Bearer x" + live);
            case 7 -> List.of(header + "Bearer " + Draw.tokenShaped(in));
            case 8 -> List.of(header + "Bearer " + Draw.tokenShaped(in) + "=");
            case 9 -> List.of(header + "Bearer " + "A".repeat(6_000));
            case 10 -> List.of(header + "Bearer " + live + " extra");
            case 11 -> List.of(header + "Basic dXNlcjpwYXNz");
            case 12 -> List.of(header + "Bearer ' OR '1'='1");
            case 13 -> List.of(header + "Bearer \u00ff\u00fe\u00fd");
            case 14 -> List.of(header + "Bearer a\u0000b");
            case 15 -> List.of(header + "Bearer\t" + live);
            case 16 -> List.of(header + "Bearer " + live + ",Bearer " + live);
            case 17 -> List.of(header + "Bearer " + live, header + "Bearer " + live);
            case 18 -> List.of(header + "Bearer " + live, header + "Bearer " + Draw.tokenShaped(in));
            case 19 -> List.of(header + live);
            case 20 -> List.of(header + "Token " + live);
            default -> List.of(header + "Bearer " + utf8AsBytes("\ud83d\ude00" + live));
        };
    }

    private static String mangledPath(RandomnessSource in, String path) {
        return switch (Draw.between(in, 0, 19)) {
            case 0 -> path + "/";
            case 1 -> path + "//";
            case 2 -> path.replaceFirst("/", "//");
            case 3 -> path + "/..";
            case 4 -> path + "/%2e%2e";
            case 5 -> path + ";jsessionid=garbage";
            case 6 -> path + ";a=b";
            case 7 -> path.toUpperCase(Locale.ROOT);
            case 8 -> path + ".json";
            case 9 -> path + "%00";
            case 10 -> path + "%2F";
            case 11 -> path + "\\";
            case 12 -> path.replace("/", "%2F");
            case 13 -> "*";
            case 14 -> "http://127.0.0.1" + path;
            case 15 -> "http://evil.example" + path;
            case 16 -> path + "/%ff";
            case 17 -> path + "/\u00ff";
            case 18 -> path + "/" + "p".repeat(9_000);
            default -> path + "/../../../etc/passwd";
        };
    }

    /** Text as UTF-8 bytes, each byte one character: how raw non-ASCII goes into a request line or header. */
    private static String utf8AsBytes(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
