package dev.accounts.adapter.in.rest;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers every answer carries (SECURITY.md, "HTTP"): nothing is cached, nothing is sniffed, no Referer
 * leaves, and an API answer can neither run nor load anything nor be framed. HSTS only when the service is
 * reached over https. Set by {@link SecurityHeadersFilter} on answers from the application and by
 * {@link ProblemErrorReportValve} on the errors the container answers itself.
 */
final class SecurityHeaders {

    static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final String ONE_YEAR_HSTS = "max-age=31536000";

    private final boolean https;

    SecurityHeaders(boolean https) {
        this.https = https;
    }

    void applyTo(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
        if (https) {
            response.setHeader("Strict-Transport-Security", ONE_YEAR_HSTS);
        }
    }
}
