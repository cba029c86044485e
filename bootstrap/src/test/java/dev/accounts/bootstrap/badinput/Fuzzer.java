package dev.accounts.bootstrap.badinput;

import java.util.Optional;

/**
 * Sends one bad request and holds the service to its promises: {@link AnswerRules} on the answer, and an unchanged
 * {@link DatabaseFootprint} around every request it refused (or left unanswered). A 2xx is passed to the endpoint's
 * {@code onSuccess}, so that later requests know what it changed.
 */
public final class Fuzzer {

    private final RawHttpClient client;
    private final DatabaseFootprint database;
    private final Figures figures = new Figures();

    /**
     * The footprint after the last refused request, which is the one before the next: nothing else writes what it
     * covers (the mail worker changes mail rows, never their ids). Null after a 2xx, which may have written.
     */
    private DatabaseFootprint.Footprint last;

    public Fuzzer(RawHttpClient client, DatabaseFootprint database) {
        this.client = client;
        this.database = database;
    }

    /** @throws AssertionError naming the request and the answer when a rule is broken */
    public void check(Endpoint endpoint, RawRequest request) {
        DatabaseFootprint.Footprint before = last != null ? last : database.capture();
        last = null;
        long start = System.nanoTime();
        RawHttpClient.Exchange exchange = client.send(request);
        figures.record(endpoint.name(), exchange, System.nanoTime() - start);
        boolean succeeded = exchange.response().map(response -> response.status() / 100 == 2).orElse(false);
        Optional<String> violation = AnswerRules.violation(exchange);
        if (violation.isEmpty() && !succeeded) {
            last = database.capture();
            if (!last.equals(before)) {
                violation = Optional.of("a refused request changed the database:\n  before " + before + "\n  after  " + last);
            }
        }
        if (violation.isPresent()) {
            String failure = endpoint.name() + ": " + violation.get() + "\nrequest " + request + "\nanswer  "
                    + exchange.response().map(RawResponse::toString).orElse("none: " + exchange.failure());
            // Shown at once: shrinking the example to its smallest form takes a while, and may not end in time.
            System.out.println("bad input broke a rule: " + failure);
            throw new AssertionError(failure);
        }
        if (succeeded) {
            endpoint.onSuccess().accept(exchange);
        }
    }

    public Figures figures() {
        return figures;
    }
}
