package dev.accounts.adapter.in.rest;

import dev.accounts.application.port.in.CheckReadinessUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Probes for an orchestrator: {@code /health/live} answers while the process serves HTTP at all;
 * {@code /health/ready} only while the store answers too, so traffic is routed elsewhere meanwhile.
 */
@RestController
public class HealthController {

    private static final Logger log = LoggerFactory.getLogger(HealthController.class);

    private final CheckReadinessUseCase readiness;

    public HealthController(CheckReadinessUseCase readiness) {
        this.readiness = readiness;
    }

    @GetMapping(path = "/health/live", produces = MediaType.APPLICATION_JSON_VALUE)
    public HealthResponse live() {
        return HealthResponse.UP;
    }

    @GetMapping(path = "/health/ready", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<HealthResponse> ready() {
        return isReady()
                ? ResponseEntity.ok(HealthResponse.UP)
                : ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(HealthResponse.DOWN);
    }

    /** A check that fails is an answer too: not ready. A probe must not turn into a 500. */
    private boolean isReady() {
        try {
            return readiness.isReady();
        } catch (RuntimeException e) {
            log.warn("readiness check failed", e);
            return false;
        }
    }
}
