package dev.accounts.bootstrap.metrics;

import dev.accounts.application.port.in.UnauthenticatedException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /metrics}: the registry in Prometheus text format (version 0.0.4, what every scraper reads). Open by
 * default, for a scraper on the internal network (a public load balancer must not route this path); with
 * {@code ACCOUNTS_METRICS_TOKEN} set, only with {@code Authorization: Bearer <that token>}, else the usual 401 problem.
 */
@RestController
public class MetricsEndpoint {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final String BEARER = "Bearer ";

    private final PrometheusMeterRegistry registry;
    private final Optional<byte[]> tokenDigest;

    /** @param token the bearer token a scraper must present, or empty for none */
    public MetricsEndpoint(PrometheusMeterRegistry registry, Optional<String> token) {
        this.registry = registry;
        this.tokenDigest = token.map(MetricsEndpoint::digest);
    }

    @GetMapping("/metrics")
    public ResponseEntity<String> scrape(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                                         String authorization) {
        if (tokenDigest.isPresent() && !presents(authorization, tokenDigest.get())) {
            throw new UnauthenticatedException();
        }
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE).body(registry.scrape());
    }

    /** Compares digests in constant time, so the time taken tells nothing about how much of a guess was right. */
    private static boolean presents(String authorization, byte[] expected) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        return MessageDigest.isEqual(digest(authorization.substring(BEARER.length()).strip()), expected);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
