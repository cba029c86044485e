package dev.accounts.bootstrap.logging;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.slf4j.MDC;

/**
 * Gives each request an id ({@link RequestIds}), puts it in the logging context as {@value #MDC_KEY} for every line
 * logged while the request is served, and returns it as {@value #HEADER}, so a caller's report can be matched to the
 * log. First of the filters, so their lines carry it too; the header survives a reset of the response.
 */
public final class RequestIdFilter implements Filter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse answer)) {
            chain.doFilter(request, response);
            return;
        }
        String id = RequestIds.acceptOrGenerate(http.getHeader(HEADER));
        answer.setHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, new IdSurvivesReset(answer, id));
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    private static final class IdSurvivesReset extends HttpServletResponseWrapper {

        private final String id;

        IdSurvivesReset(HttpServletResponse response, String id) {
            super(response);
            this.id = id;
        }

        @Override
        public void reset() {
            super.reset();
            ((HttpServletResponse) getResponse()).setHeader(HEADER, id);
        }
    }
}
