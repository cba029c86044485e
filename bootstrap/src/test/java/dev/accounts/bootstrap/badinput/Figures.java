package dev.accounts.bootstrap.badinput;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** How many requests each endpoint got and what it answered, and how many requests of each kind were sent. */
public final class Figures {

    private static final String NO_ANSWER = "none";

    private final Map<String, Map<String, Long>> statusesByEndpoint = new ConcurrentHashMap<>();
    private final Map<String, Long> nanosByEndpoint = new ConcurrentHashMap<>();
    private final Map<String, Long> slowestByEndpoint = new ConcurrentHashMap<>();
    private final Map<String, Long> requestsByKind = new ConcurrentHashMap<>();
    private final AtomicLong bytesSent = new AtomicLong();

    void record(String endpoint, RawHttpClient.Exchange exchange, long nanos) {
        String status = exchange.response().map(response -> Integer.toString(response.status())).orElse(NO_ANSWER);
        statusesByEndpoint.computeIfAbsent(endpoint, name -> new ConcurrentHashMap<>()).merge(status, 1L, Long::sum);
        nanosByEndpoint.merge(endpoint, nanos, Long::sum);
        slowestByEndpoint.merge(endpoint, nanos, Math::max);
        for (String kind : exchange.request().kind().split("\\+")) {
            requestsByKind.merge(kind, 1L, Long::sum);
        }
        bytesSent.addAndGet(exchange.request().toBytes().length);
    }

    public long requests() {
        return statusesByEndpoint.values().stream().flatMap(counts -> counts.values().stream()).mapToLong(Long::longValue).sum();
    }

    /** A table: one row per endpoint, one column per status seen, then the kinds of badness sent. */
    public void print(PrintStream out, long wallMillis) {
        TreeSet<String> statuses = new TreeSet<>();
        statusesByEndpoint.values().forEach(counts -> statuses.addAll(counts.keySet()));
        out.printf("%nBad input: %,d requests (%,d bytes) in %,d ms%n", requests(), bytesSent.get(), wallMillis);
        out.printf("%-34s %8s", "endpoint", "requests");
        statuses.forEach(status -> out.printf(" %6s", status));
        out.printf(" %9s %9s%n", "ms/req", "max ms");
        new TreeMap<>(statusesByEndpoint).forEach((endpoint, counts) -> {
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            out.printf("%-34s %8d", endpoint, total);
            statuses.forEach(status -> out.printf(" %6d", counts.getOrDefault(status, 0L)));
            out.printf(" %9.1f %9.1f%n", nanosByEndpoint.getOrDefault(endpoint, 0L) / 1e6 / Math.max(1, total),
                    slowestByEndpoint.getOrDefault(endpoint, 0L) / 1e6);
        });
        out.printf("%-34s %8d", "all", requests());
        statuses.forEach(status -> out.printf(" %6d", statusesByEndpoint.values().stream()
                .mapToLong(counts -> counts.getOrDefault(status, 0L)).sum()));
        out.println();
        out.println("Requests by kind of badness (a request may have several): " + new TreeMap<>(requestsByKind));
    }
}
