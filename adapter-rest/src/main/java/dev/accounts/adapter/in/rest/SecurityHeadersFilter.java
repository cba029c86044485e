package dev.accounts.adapter.in.rest;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Puts the {@link SecurityHeaders} on the response before anything else writes it, so that problems, 404s, 405s
 * and the body limit's 413 get them too, and puts them back whenever something downstream resets the response
 * (a reset clears every header). An answer that needs other values (the link pages' policy) replaces them.
 * Errors the container answers without reaching this filter get them from {@link ProblemErrorReportValve}.
 */
public final class SecurityHeadersFilter implements Filter {

    private final SecurityHeaders headers;

    /** @param https whether clients reach the service over https (its public URL), which turns on HSTS */
    public SecurityHeadersFilter(boolean https) {
        this.headers = new SecurityHeaders(https);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(response instanceof HttpServletResponse http)) {
            chain.doFilter(request, response);
            return;
        }
        headers.applyTo(http);
        chain.doFilter(request, new HeadersSurviveReset(http, headers));
    }

    private static final class HeadersSurviveReset extends HttpServletResponseWrapper {

        private final SecurityHeaders headers;

        HeadersSurviveReset(HttpServletResponse response, SecurityHeaders headers) {
            super(response);
            this.headers = headers;
        }

        @Override
        public void reset() {
            super.reset();
            headers.applyTo((HttpServletResponse) getResponse());
        }
    }
}
