package dev.accounts.adapter.in.rest;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Caps request bodies (64 KiB by default) so that no client can make the server buffer or parse more.
 * A declared {@code Content-Length} above the cap is answered with 413 before a byte is read, and the
 * connection is closed so the rest of the body need not be drained. A body of unknown length (chunked) is
 * read through a stream that fails past the cap; {@link ProblemDetailsAdvice} turns that failure into the same
 * 413, and this filter does it for failures that escape Spring MVC.
 */
public final class RequestBodyLimitFilter implements Filter {

    public static final long DEFAULT_MAX_BYTES = 64 * 1024;

    private final long maxBytes;

    public RequestBodyLimitFilter(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest httpRequest) || !(response instanceof HttpServletResponse httpResponse)) {
            chain.doFilter(request, response);
            return;
        }
        if (httpRequest.getContentLengthLong() > maxBytes) {
            httpResponse.setHeader("Connection", "close");
            writeTooLarge(httpResponse);
            return;
        }
        try {
            chain.doFilter(new SizeLimitedRequest(httpRequest, maxBytes), response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (RequestBodyTooLargeException.findIn(e).isEmpty() || response.isCommitted()) {
                throw e;
            }
            response.reset();
            writeTooLarge(httpResponse);
        }
    }

    private void writeTooLarge(HttpServletResponse response) throws IOException {
        FixedProblem.write(response, ProblemType.PAYLOAD_TOO_LARGE, RequestBodyTooLargeException.detail(maxBytes));
    }
}
