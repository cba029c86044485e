package dev.accounts.bootstrap.badinput;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every answer to bad input must look like: a 2xx or a 4xx, never a 5xx; a 4xx is an RFC 9457 problem
 * ({@code application/problem+json} with {@code type}, {@code title} and the same {@code status}); no answer shows
 * a stack trace or SQL, and no error names an exception or the server's parts, unless the request itself sent that
 * text (a profile echoes what it was given).
 */
final class AnswerRules {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Text of a stack trace or of the database's errors, which no answer may show. */
    private static final List<String> TRACES_AND_SQL = List.of("\tat ", "at java.", "at org.", "at dev.accounts",
            "caused by", "org.postgresql", "sqlstate", "syntax error", "violates", "duplicate key", "insert into",
            "delete from", "update users");

    /**
     * Text that only a leak puts into an error answer: exception and component names. A 2xx may name components
     * (the metrics do: {@code tomcat_threads}, {@code exception="none"}), so these are checked on errors only.
     */
    private static final List<String> ERROR_LEAKS = List.of("exception", "psql", "jooq", "hikari", "select ",
            "constraint", "tomcat", "catalina", "servlet", "springframework", "jackson", "stack trace", "nullpointer");

    private AnswerRules() {
    }

    /** @return why the exchange breaks a rule, if it does */
    static Optional<String> violation(RawHttpClient.Exchange exchange) {
        RawRequest request = exchange.request();
        if (exchange.response().isEmpty()) {
            return request.framing().mayGoUnanswered()
                    ? Optional.empty()
                    : Optional.of("no answer (" + exchange.failure() + ")");
        }
        RawResponse response = exchange.response().get();
        int status = response.status();
        boolean allowed5xx = status == 501 && notImplementedByRule(request);
        if (!(status >= 200 && status < 300) && !(status >= 400 && status < 500) && !allowed5xx) {
            return Optional.of("status " + status + " is neither 2xx nor 4xx");
        }
        Optional<String> leak = leak(request, response);
        if (leak.isPresent()) {
            return leak;
        }
        return status >= 400 && !request.method().equals("HEAD") ? problemViolation(response) : Optional.empty();
    }

    /**
     * The two requests HTTP itself answers with 501 Not Implemented, a refusal of the request rather than a failure
     * of the server: a transfer coding the server does not know (RFC 9112 §6.1) and CONNECT, a method for proxies
     * that an origin server does not implement (RFC 9110 §9.3.6, §15.6.2). Tomcat answers both before the service
     * sees them.
     */
    private static boolean notImplementedByRule(RawRequest request) {
        return request.framing().unknownTransferCoding() || request.method().equals("CONNECT");
    }

    private static Optional<String> problemViolation(RawResponse response) {
        String type = response.header("Content-Type").orElse("");
        if (!type.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
            return Optional.of("a " + response.status() + " that is not application/problem+json but '" + type + "'");
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(response.body());
        } catch (RuntimeException e) {
            return Optional.of("a problem that is not JSON");
        }
        if (problem == null || !problem.isObject()
                || !problem.path("type").isString() || problem.path("type").asString().isBlank()
                || !problem.path("title").isString() || problem.path("title").asString().isBlank()
                || !problem.path("status").isInt() || problem.path("status").asInt() != response.status()) {
            return Optional.of("a problem without type, title and status " + response.status());
        }
        return Optional.empty();
    }

    private static Optional<String> leak(RawRequest request, RawResponse response) {
        String sent = new String(request.toBytes(), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT)
                + new String(request.payload(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        String answer = (String.join("\n", response.headerLines()) + "\n" + response.bodyText()).toLowerCase(Locale.ROOT);
        List<String> leaks = response.status() >= 400
                ? Stream.concat(TRACES_AND_SQL.stream(), ERROR_LEAKS.stream()).toList()
                : TRACES_AND_SQL;
        return leaks.stream()
                .filter(answer::contains)
                .filter(needle -> !sent.contains(needle))
                .findFirst()
                .map(needle -> "the answer contains '" + needle.strip() + "'");
    }
}
