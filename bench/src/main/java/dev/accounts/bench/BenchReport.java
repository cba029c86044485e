package dev.accounts.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Everything one run measured, as written to JSON; the Markdown and the console table are made from it. */
record BenchReport(String startedAt, Machine machine, String hasherSetting, String serviceHasher,
                   String nativeLibrary, List<HashCeiling> ceilings, List<LoadResult> load, Drain drain,
                   SlowSmtp slowSmtp, Memory memory, Ratios ratios, List<Target> targets, double durationSeconds) {

    /**
     * @param loadBefore the one-minute load average before the run: other work on the machine lowers every figure
     * @param loadAfter  the same after the run
     */
    record Machine(int cores, String cpu, String java, double loadBefore, double loadAfter) {
    }

    /** @param firstMailAfterSeconds from release to the first backlog mail (includes the worker's poll interval) */
    record Drain(int backlog, long sent, double seconds, double mailsPerSecond, double firstMailAfterSeconds) {
    }

    record SlowSmtp(double delaySeconds, LoadResult immediate, LoadResult delayed, double p99Change) {
    }

    /** @param peakRssMiB largest VmRSS seen during the 64-client runs; {@code highWaterMiB} the process's VmHWM */
    record Memory(double peakRssMiB, double highWaterMiB) {
    }

    record Ratios(double bestCeiling, String bestCeilingName, double registrationsPerCeiling,
                  double loginsPerCeiling) {
    }

    record Target(String what, String target, String measured, boolean met) {
    }

    Optional<LoadResult> result(String workload, int concurrency) {
        return load.stream().filter(r -> r.workload().equals(workload) && r.concurrency() == concurrency).findFirst();
    }

    static HashCeiling best(List<HashCeiling> ceilings) {
        return ceilings.stream().filter(c -> !c.name().startsWith("configured"))
                .max(Comparator.comparingDouble(HashCeiling::perSecond)).orElseThrow();
    }
}
