package dev.accounts.adapter.in.rest;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Puts the headers every answer needs (SECURITY.md, "HTTP") on the response before anything else writes it, so
 * that problems, 404s and the body limit's 413 get them too: nothing is cached, nothing is sniffed, no Referer
 * leaves, and an API answer can neither run nor load anything nor be framed. An answer that needs other values
 * (the link pages' policy) replaces them. HSTS only when the service is reached over https.
 */
public final class SecurityHeadersFilter implements Filter {

    static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final String ONE_YEAR_HSTS = "max-age=31536000";

    private final boolean https;

    /** @param https whether clients reach the service over https (its public URL), which turns on HSTS */
    public SecurityHeadersFilter(boolean https) {
        this.https = https;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (response instanceof HttpServletResponse http) {
            http.setHeader("Cache-Control", "no-store");
            http.setHeader("X-Content-Type-Options", "nosniff");
            http.setHeader("Referrer-Policy", "no-referrer");
            http.setHeader("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
            if (https) {
                http.setHeader("Strict-Transport-Security", ONE_YEAR_HSTS);
            }
        }
        chain.doFilter(request, response);
    }
}
