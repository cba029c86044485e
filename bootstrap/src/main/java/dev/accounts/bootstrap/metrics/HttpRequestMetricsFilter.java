package dev.accounts.bootstrap.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Times every request into {@value MetricsConfiguration#HTTP_SERVER_REQUESTS}, with the tags Spring's
 * {@code ServerHttpObservationFilter} gives it: {@code method}, {@code uri} (the matched route template, never the
 * path as sent), {@code status}, {@code outcome} and {@code exception}; and counts the requests in flight.
 *
 * <p>Why not that filter: the observation API starts a context, a long-task timer and its handlers for every request,
 * which the benchmark measured at a sixth of the CPU of a {@code /health/live} request; here it is one look-up of a
 * cached timer and one record. Every tag takes its value from a closed set, so a client probing random paths or
 * inventing methods cannot multiply the series: unmatched paths share {@code NOT_FOUND}, {@code REDIRECTION} or
 * {@code UNKNOWN}, unknown methods share {@code UNKNOWN}.
 */
public final class HttpRequestMetricsFilter implements Filter {

    private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
            "TRACE");

    private final MeterRegistry registry;
    private final ConcurrentMap<Series, Timer> timers = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    public HttpRequestMetricsFilter(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        Gauge.builder(MetricsConfiguration.HTTP_SERVER_REQUESTS + ".active", inFlight, AtomicInteger::get)
                .description("HTTP requests being answered now").register(registry);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse answer)) {
            chain.doFilter(request, response);
            return;
        }
        long started = System.nanoTime();
        Throwable failure = null;
        inFlight.incrementAndGet();
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            inFlight.decrementAndGet();
            // An exception that leaves the chain becomes Tomcat's 500 unless the answer was already on its way.
            int status = failure != null && !answer.isCommitted() ? 500 : answer.getStatus();
            timers.computeIfAbsent(Series.of(http, status, failure), this::register)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private Timer register(Series series) {
        return Timer.builder(MetricsConfiguration.HTTP_SERVER_REQUESTS)
                .description("HTTP requests by method, route template and status")
                .tag("method", series.method())
                .tag("uri", series.uri())
                .tag("status", Integer.toString(series.status()))
                .tag("outcome", outcome(series.status()))
                .tag("exception", series.exception())
                .register(registry);
    }

    private static String outcome(int status) {
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            case 5 -> "SERVER_ERROR";
            default -> "UNKNOWN";
        };
    }

    /** One time series: the values of its tags. */
    record Series(String method, String uri, int status, String exception) {

        static Series of(HttpServletRequest request, int status, Throwable failure) {
            String method = KNOWN_METHODS.contains(request.getMethod()) ? request.getMethod() : "UNKNOWN";
            // An exception a handler resolved into a problem response is kept by the dispatcher for this purpose.
            Object handled = request.getAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE);
            Throwable exception = failure != null ? failure : handled instanceof Throwable t ? t : null;
            return new Series(method, uri(request, status), status, exception == null ? "none" : name(exception));
        }

        private static String uri(HttpServletRequest request, int status) {
            if (request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern) {
                return pattern.isEmpty() ? "root" : pattern;
            }
            if (status / 100 == 3) {
                return "REDIRECTION";
            }
            return status == 404 ? "NOT_FOUND" : "UNKNOWN";
        }

        private static String name(Throwable exception) {
            String simple = exception.getClass().getSimpleName();
            return simple.isEmpty() ? exception.getClass().getName() : simple;
        }
    }
}
