package dev.accounts.adapter.in.rest;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CORS for {@code /api/**}: off unless origins are listed, and then only for exactly those origins. A listed
 * origin may call the API with the methods it has, sending {@code Authorization} and {@code Content-Type}, without
 * credentials (the API takes bearer tokens, never cookies), and may read {@code Location}, {@code Retry-After} and
 * {@code WWW-Authenticate}; browsers may cache a preflight for 10 minutes. Any other origin gets no CORS header:
 * its preflight is refused with a 403 problem, and its other requests are served as if CORS did not exist, so
 * the browser keeps the answer from the calling page. (They are not refused: behind a proxy, a same-origin call
 * from the link pages can look cross-origin to the server, and without cookies a cross-origin call holds no
 * more power than one from curl.)
 *
 * <p>A filter rather than Spring MVC's CORS mappings, so that every answer under {@code /api/} is covered, the
 * body limit's 413 included, and so that a refusal is a problem like every other error, not Spring's plain text.
 */
public final class CorsAllowlistFilter implements Filter {

    static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type";
    static final String EXPOSED_HEADERS = "Location, Retry-After, WWW-Authenticate";
    static final Duration MAX_AGE = Duration.ofMinutes(10);

    private static final String API_PATHS = "/api/";

    private final Set<String> allowedOrigins;

    /**
     * @param allowedOrigins exact origins such as {@code https://app.example.com} (scheme, host, and a port when it
     *        is not the scheme's default); blank entries are skipped; none turns CORS off
     * @throws IllegalArgumentException naming the first entry that is not such an origin (a trailing slash, a
     *         path, a wildcard or {@code null} included)
     */
    public CorsAllowlistFilter(List<String> allowedOrigins) {
        Set<String> origins = new LinkedHashSet<>();
        for (String entry : allowedOrigins) {
            if (!entry.isBlank()) {
                origins.add(serializedOrigin(entry.strip()));
            }
        }
        this.allowedOrigins = Set.copyOf(origins);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse answer)
                || !isApi(http) || http.getHeader("Origin") == null) {
            chain.doFilter(request, response);
            return;
        }
        // The answer depends on the origin; caches must not hand one origin's answer to another.
        answer.addHeader("Vary", "Origin");
        String origin = allowedOrigin(http.getHeader("Origin"));
        if (isPreflight(http)) {
            answerPreflight(origin, answer);
            return;
        }
        if (origin != null) {
            answer.setHeader("Access-Control-Allow-Origin", origin);
            answer.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
        chain.doFilter(request, response);
    }

    private void answerPreflight(String origin, HttpServletResponse answer) throws IOException {
        answer.addHeader("Vary", "Access-Control-Request-Method");
        answer.addHeader("Vary", "Access-Control-Request-Headers");
        if (origin == null) {
            FixedProblem.write(answer, ProblemType.ORIGIN_NOT_ALLOWED);
            return;
        }
        // The browser checks the method and headers it wants against these lists itself.
        answer.setHeader("Access-Control-Allow-Origin", origin);
        answer.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
        answer.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
        answer.setHeader("Access-Control-Max-Age", Long.toString(MAX_AGE.toSeconds()));
        answer.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    /** The listed origin the request names, as listed (never the request's own text), or null. */
    private String allowedOrigin(String requestOrigin) {
        String origin = requestOrigin.toLowerCase(Locale.ROOT);
        return allowedOrigins.contains(origin) ? origin : null;
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + API_PATHS);
    }

    private static boolean isPreflight(HttpServletRequest request) {
        return "OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null;
    }

    /** The origin as browsers send it (RFC 6454 §6.2): lower case, the default port left out. */
    private static String serializedOrigin(String entry) {
        URI uri;
        try {
            uri = new URI(entry);
        } catch (URISyntaxException e) {
            throw invalidOrigin(entry);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getRawUserInfo() != null
                || !uri.getRawPath().isEmpty() || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalidOrigin(entry);
        }
        int defaultPort = scheme.equals("https") ? 443 : 80;
        int port = uri.getPort();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (port == -1 || port == defaultPort ? "" : ":" + port);
    }

    private static IllegalArgumentException invalidOrigin(String entry) {
        return new IllegalArgumentException("CORS origin '" + entry
                + "' is not an origin like https://app.example.com (scheme and host, a port if needed, no path or slash)");
    }
}
