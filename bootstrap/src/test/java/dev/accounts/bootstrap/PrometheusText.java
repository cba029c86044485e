package dev.accounts.bootstrap;

import java.util.Arrays;
import java.util.List;

/** A scrape of {@code GET /metrics} in Prometheus text format, read the way a test needs it: one figure at a time. */
record PrometheusText(String text) {

    /**
     * The sum of the samples of {@code name} that carry every one of {@code labels} (each written {@code key="value"}),
     * 0 when there is none: a counter not yet incremented is simply absent.
     */
    double sum(String name, String... labels) {
        return samples(name, labels).stream().mapToDouble(PrometheusText::value).sum();
    }

    /** Whether a sample of {@code name} with those labels exists at all. */
    boolean has(String name, String... labels) {
        return !samples(name, labels).isEmpty();
    }

    List<String> samples(String name, String... labels) {
        return text.lines()
                .filter(line -> !line.startsWith("#"))
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(label -> labelsOf(line).contains(label)))
                .toList();
    }

    private static String labelsOf(String line) {
        int open = line.indexOf('{');
        int close = line.lastIndexOf('}');
        return open < 0 || close < open ? "" : line.substring(open + 1, close);
    }

    private static double value(String line) {
        String[] parts = line.trim().split(" ");
        return Double.parseDouble(parts[parts.length - 1]);
    }
}
