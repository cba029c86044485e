package dev.accounts.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The figures of a comparison run ({@code BENCH_BASELINE_JAR}): the same workload at the same concurrency measured
 * in turns on the baseline jar and on the jar under test, both running the whole time, so that whatever else the
 * machine does in a minute lands on both. The summary takes each side's median over its turns.
 */
final class JarComparison {

    static final String BASELINE = "baseline";
    static final String CANDIDATE = "candidate";

    private final Map<String, List<LoadResult>> baseline = new TreeMap<>();
    private final Map<String, List<LoadResult>> candidate = new TreeMap<>();

    void add(String side, LoadResult result) {
        Map<String, List<LoadResult>> results = BASELINE.equals(side) ? baseline : candidate;
        results.computeIfAbsent(key(result), k -> new ArrayList<>()).add(result);
    }

    List<String> summary() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-16s %22s %22s %22s", "workload", "requests/s", "JVM CPU ms/req",
                "PostgreSQL CPU ms/req"));
        lines.add(String.format(Locale.ROOT, "%-16s %22s %22s %22s", "", "base → cand (ratio)", "base → cand (ratio)",
                "base → cand (ratio)"));
        for (String key : baseline.keySet()) {
            List<LoadResult> before = baseline.get(key);
            List<LoadResult> after = candidate.getOrDefault(key, List.of());
            if (after.isEmpty()) {
                continue;
            }
            lines.add(String.format(Locale.ROOT, "%-16s %22s %22s %22s", key,
                    change(median(before, LoadResult::perSecond), median(after, LoadResult::perSecond), "%.0f"),
                    change(median(before, LoadResult::jvmCpuMsPerRequest), median(after, LoadResult::jvmCpuMsPerRequest),
                            "%.2f"),
                    change(median(before, LoadResult::pgCpuMsPerRequest), median(after, LoadResult::pgCpuMsPerRequest),
                            "%.2f")));
        }
        return lines;
    }

    private static String key(LoadResult result) {
        return result.workload() + " c=" + result.concurrency();
    }

    private static String change(double before, double after, String format) {
        return String.format(Locale.ROOT, format + " → " + format + " (%.2f)", before, after, after / before);
    }

    private static double median(List<LoadResult> results, ToDoubleFunction<LoadResult> figure) {
        double[] values = results.stream().mapToDouble(figure).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
