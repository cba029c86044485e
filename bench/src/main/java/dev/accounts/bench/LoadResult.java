package dev.accounts.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One workload at one concurrency, over the measured window only (the warm-up before it is not counted).
 *
 * @param ok                  answers with the expected status inside the window
 * @param unexpected          answers with another status, or transport errors
 * @param jvmCpuMsPerRequest  CPU the service's JVM spent in the window, per answered request
 * @param pgCpuMsPerRequest   the same for its PostgreSQL processes
 * @param jitCpuMsPerRequest  the part of {@code jvmCpuMsPerRequest} that the JIT compiler threads spent
 * @param hashCpuMsPerRequest the part of {@code jvmCpuMsPerRequest} that the password hasher's threads spent
 * @param benchCpuMsPerRequest    what the benchmark's own process spent: the load generator, and the SMTP sink
 * @param machineCpuMsPerRequest  what all cores were busy for, everything on the machine and the kernel included
 * @param firstProblem        the first unexpected answer, for the log (status and the start of its body)
 */
record LoadResult(String workload, int concurrency, double seconds, long ok, long unexpected, double perSecond,
                  double p50Millis, double p99Millis, double maxMillis, double jvmCpuMsPerRequest,
                  double pgCpuMsPerRequest, double jitCpuMsPerRequest, double hashCpuMsPerRequest,
                  double benchCpuMsPerRequest, double machineCpuMsPerRequest, String firstProblem) {

    LoadResult withCpu(CpuMeter.Used used) {
        long requests = Math.max(1, ok + unexpected);
        return new LoadResult(workload, concurrency, seconds, ok, unexpected, perSecond, p50Millis, p99Millis, maxMillis,
                used.jvmMillis() / requests, used.postgresMillis() / requests, used.jitMillis() / requests,
                used.hashMillis() / requests, used.benchMillis() / requests, used.machineMillis() / requests,
                firstProblem);
    }

    /** Two turns of the same workload and concurrency as one ({@link #meanOf(List)}). */
    static LoadResult meanOf(LoadResult first, LoadResult second) {
        return meanOf(List.of(first, second));
    }

    /**
     * Turns of the same workload and concurrency as one: counts and time added, rates and CPU per request weighted
     * by requests, the maximum the largest, and the percentiles the means of the turns' (the latencies themselves
     * are not kept).
     */
    static LoadResult meanOf(List<LoadResult> turns) {
        LoadResult first = turns.getFirst();
        double seconds = turns.stream().mapToDouble(LoadResult::seconds).sum();
        long ok = turns.stream().mapToLong(LoadResult::ok).sum();
        return new LoadResult(first.workload, first.concurrency, seconds, ok,
                turns.stream().mapToLong(LoadResult::unexpected).sum(), ok / seconds,
                turns.stream().mapToDouble(LoadResult::p50Millis).average().orElseThrow(),
                turns.stream().mapToDouble(LoadResult::p99Millis).average().orElseThrow(),
                turns.stream().mapToDouble(LoadResult::maxMillis).max().orElseThrow(),
                weighted(turns, LoadResult::jvmCpuMsPerRequest), weighted(turns, LoadResult::pgCpuMsPerRequest),
                weighted(turns, LoadResult::jitCpuMsPerRequest), weighted(turns, LoadResult::hashCpuMsPerRequest),
                weighted(turns, LoadResult::benchCpuMsPerRequest), weighted(turns, LoadResult::machineCpuMsPerRequest),
                turns.stream().filter(turn -> turn.unexpected > 0).findFirst().orElse(first).firstProblem);
    }

    /** A per-request figure over all the turns' requests. */
    private static double weighted(List<LoadResult> turns, ToDoubleFunction<LoadResult> perRequest) {
        double sum = 0;
        long requests = 0;
        for (LoadResult turn : turns) {
            long turnRequests = Math.max(1, turn.ok + turn.unexpected);
            sum += perRequest.applyAsDouble(turn) * turnRequests;
            requests += turnRequests;
        }
        return sum / requests;
    }
}
