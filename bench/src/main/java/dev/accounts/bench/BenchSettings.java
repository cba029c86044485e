package dev.accounts.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a run does, from {@code BENCH_*} environment variables (bench/README.md lists them). The defaults keep a
 * whole run under ten minutes on two cores. {@code ACCOUNTS_*} variables are passed on to the service untouched.
 */
record BenchSettings(Path jar, Optional<Path> baselineJar, Path results, Duration window, Duration warmUp, Duration serviceWarmUp, Duration jvmWarmUp,
                     Duration jitSettle,
                     Duration hashRound, int hashRounds, int ratioTurns, int backlog, Duration slowSmtpDelay, boolean flightRecording,
                     List<String> serviceJavaOptions, List<Integer> concurrencies, int cores, Set<String> only) {

    /** The phases {@code BENCH_ONLY} may name; empty {@code only} means a full run. */
    static final Set<String> PHASES = Set.of("hash", "reference", "register", "login", "me", "duplicate", "drain",
            "slow-smtp");

    static BenchSettings fromEnvironment(Map<String, String> env) {
        int cores = Runtime.getRuntime().availableProcessors();
        List<Integer> concurrencies = List.of(1, 2 * cores, 64);
        // As run.sh, the systemd unit and the image start it: their options file, named absolutely because the
        // service's launcher resolves an @file against its own working directory.
        String javaOptions = env.getOrDefault("BENCH_SERVICE_JAVA_OPTS",
                "@" + Path.of("dist", "jvm.options").toAbsolutePath()).trim();
        String concurrencyList = env.getOrDefault("BENCH_CONCURRENCIES", "").trim();
        if (!concurrencyList.isEmpty()) {
            concurrencies = Arrays.stream(concurrencyList.split(",")).map(String::trim).map(Integer::valueOf).toList();
        }
        Set<String> only = new LinkedHashSet<>();
        for (String phase : env.getOrDefault("BENCH_ONLY", "").split(",")) {
            if (!phase.isBlank()) {
                only.add(phase.trim());
            }
        }
        if (!PHASES.containsAll(only)) {
            throw new IllegalArgumentException("BENCH_ONLY takes a comma-separated list of " + PHASES + ", not " + only);
        }
        return new BenchSettings(
                Path.of(env.getOrDefault("BENCH_JAR", "bootstrap/target/accounts.jar")),
                Optional.ofNullable(env.get("BENCH_BASELINE_JAR")).filter(path -> !path.isBlank()).map(Path::of),
                Path.of(env.getOrDefault("BENCH_RESULTS", "bench/results")),
                seconds(env, "BENCH_SECONDS", 10),
                seconds(env, "BENCH_WARMUP_SECONDS", 2),
                seconds(env, "BENCH_SERVICE_WARMUP_SECONDS", 5),
                seconds(env, "BENCH_JVM_WARMUP_SECONDS", 40),
                seconds(env, "BENCH_JIT_SETTLE_SECONDS", 180),
                seconds(env, "BENCH_HASH_SECONDS", 3),
                Integer.parseInt(env.getOrDefault("BENCH_HASH_ROUNDS", "3")),
                Math.max(1, Integer.parseInt(env.getOrDefault("BENCH_RATIO_TURNS", "3"))),
                Integer.parseInt(env.getOrDefault("BENCH_BACKLOG", "5000")),
                seconds(env, "BENCH_SLOW_SMTP_SECONDS", 2),
                Boolean.parseBoolean(env.getOrDefault("BENCH_JFR", "false")),
                javaOptions.isEmpty() ? List.of() : Arrays.asList(javaOptions.split("\\s+")),
                concurrencies,
                cores,
                Set.copyOf(only));
    }

    /** Whether a phase runs: all of them in a full run, the named ones in a focused run. */
    boolean runs(String phase) {
        return only.isEmpty() || only.contains(phase);
    }

    /**
     * A focused run ({@code BENCH_ONLY}) is for finding where time goes: it prints its figures but writes no report,
     * because the targets need every phase.
     */
    boolean focused() {
        return !only.isEmpty();
    }

    /** The concurrency the issue's ratio targets are stated at: two requests per core. */
    int twicePerCore() {
        return 2 * cores;
    }

    private static Duration seconds(Map<String, String> env, String name, int fallback) {
        return Duration.ofMillis((long) (Double.parseDouble(env.getOrDefault(name, Integer.toString(fallback))) * 1000));
    }
}
