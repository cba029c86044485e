package dev.accounts.faults.harness;

import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How one HTTP request ended: the status and body, or the connection-level failure (refused, reset, timed out) when
 * no answer came; and how long it took either way.
 *
 * @param status  the HTTP status, or 0 without an answer
 * @param failure the exception's class and message without an answer, otherwise null
 */
public record Answer(int status, String body, String contentType, Duration latency, String failure) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public boolean answered() {
        return failure == null;
    }

    public boolean isServerError() {
        return status >= 500;
    }

    public JsonNode json() {
        return JSON.readTree(body);
    }

    @Override
    public String toString() {
        return answered() ? status + " in " + latency.toMillis() + " ms: " + body : "no answer after "
                + latency.toMillis() + " ms: " + failure;
    }
}
