package dev.accounts.adapter.in.rest;

/** The body of the health endpoints: {@code {"status":"UP"}} or {@code {"status":"DOWN"}}. */
public record HealthResponse(String status) {

    static final HealthResponse UP = new HealthResponse("UP");
    static final HealthResponse DOWN = new HealthResponse("DOWN");
}
