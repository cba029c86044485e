package dev.accounts.faults.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Request latencies of one phase of a scenario, and their percentiles (nearest rank). Thread-safe. */
public final class Latencies {

    private final List<Duration> samples = new ArrayList<>();

    public static Latencies of(Collection<Answer> answers) {
        Latencies latencies = new Latencies();
        answers.forEach(answer -> latencies.add(answer.latency()));
        return latencies;
    }

    public synchronized void add(Duration latency) {
        samples.add(latency);
    }

    public synchronized int count() {
        return samples.size();
    }

    /** The latency {@code percent} of the samples are at or below, e.g. 50 or 99. */
    public synchronized Duration percentile(double percent) {
        if (samples.isEmpty()) {
            return Duration.ZERO;
        }
        List<Duration> sorted = samples.stream().sorted().toList();
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    public Duration p50() {
        return percentile(50);
    }

    public Duration p99() {
        return percentile(99);
    }

    public synchronized Duration max() {
        return samples.stream().max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** {@code p50=41ms p99=88ms max=93ms}. */
    public String summary() {
        return "p50=" + p50().toMillis() + "ms p99=" + p99().toMillis() + "ms max=" + max().toMillis() + "ms";
    }
}
