package dev.accounts.adapter.in.rest;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * An RFC 9457 problem written straight to a servlet response, where Spring MVC's converters are out of reach:
 * in a filter, or in the container's error report. Built by hand: no mapper is needed for fixed texts, and
 * nothing from the request goes into them.
 */
final class FixedProblem {

    static final String CONTENT_TYPE = "application/problem+json";

    private FixedProblem() {
    }

    static void write(HttpServletResponse response, ProblemType kind) throws IOException {
        write(response, kind, kind.defaultDetail());
    }

    static void write(HttpServletResponse response, ProblemType kind, String detail) throws IOException {
        write(response, kind.status(), kind.type().toString(), kind.title(), detail);
    }

    /** This API's problem for the status when it has one, else {@code about:blank} with the status's reason. */
    static String forStatus(int status) {
        return ProblemType.forStatus(HttpStatusCode.valueOf(status))
                .map(kind -> json(kind.type().toString(), kind.title(), status, kind.defaultDetail()))
                .orElseGet(() -> {
                    HttpStatus known = HttpStatus.resolve(status);
                    return json("about:blank", known == null ? "Error" : known.getReasonPhrase(), status, null);
                });
    }

    private static void write(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        response.setStatus(status);
        // JSON is UTF-8 by definition (RFC 8259): no charset parameter, the same header Spring MVC writes.
        response.setContentType(CONTENT_TYPE);
        response.getOutputStream().write(json(type, title, status, detail).getBytes(StandardCharsets.UTF_8));
    }

    static String json(String type, String title, int status, String detail) {
        return "{\"type\":\"" + escape(type) + "\",\"title\":\"" + escape(title) + "\",\"status\":" + status
                + (detail == null ? "" : ",\"detail\":\"" + escape(detail) + "\"") + "}";
    }

    /** The texts are this module's own, but a quote in one must not break the JSON. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
