package dev.accounts.bench;

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

    /**
     * Two turns of the same workload and concurrency as one: counts and time added, rates and CPU per request
     * weighted by requests, the maximum the larger, and the percentiles the means of the two turns' (the latencies
     * themselves are not kept).
     */
    static LoadResult meanOf(LoadResult first, LoadResult second) {
        long firstRequests = Math.max(1, first.ok + first.unexpected);
        long secondRequests = Math.max(1, second.ok + second.unexpected);
        double seconds = first.seconds + second.seconds;
        return new LoadResult(first.workload, first.concurrency, seconds, first.ok + second.ok,
                first.unexpected + second.unexpected, (first.ok + second.ok) / seconds,
                (first.p50Millis + second.p50Millis) / 2, (first.p99Millis + second.p99Millis) / 2,
                Math.max(first.maxMillis, second.maxMillis),
                weighted(first.jvmCpuMsPerRequest, firstRequests, second.jvmCpuMsPerRequest, secondRequests),
                weighted(first.pgCpuMsPerRequest, firstRequests, second.pgCpuMsPerRequest, secondRequests),
                weighted(first.jitCpuMsPerRequest, firstRequests, second.jitCpuMsPerRequest, secondRequests),
                weighted(first.hashCpuMsPerRequest, firstRequests, second.hashCpuMsPerRequest, secondRequests),
                weighted(first.benchCpuMsPerRequest, firstRequests, second.benchCpuMsPerRequest, secondRequests),
                weighted(first.machineCpuMsPerRequest, firstRequests, second.machineCpuMsPerRequest, secondRequests),
                first.unexpected > 0 ? first.firstProblem : second.firstProblem);
    }

    private static double weighted(double first, long firstWeight, double second, long secondWeight) {
        return (first * firstWeight + second * secondWeight) / (firstWeight + secondWeight);
    }
}
