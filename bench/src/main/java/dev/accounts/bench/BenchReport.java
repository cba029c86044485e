package dev.accounts.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;

/** Everything one run measured, as written to JSON; the Markdown and the console table are made from it. */
record BenchReport(String startedAt, Machine machine, String hasherSetting, String serviceHasher,
                   String nativeLibrary, String serviceJvmArguments, List<HashCeiling> ceilings,
                   List<LoadResult> load, Drain drain, SlowSmtp slowSmtp, Memory memory, Ratios ratios,
                   References references, List<Target> targets, double durationSeconds) {

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

    /**
     * @param adjacent the native ceiling measured around each turn of each hashing workload's run at twice the
     *                 cores, which takes the host's drift between the ceiling phase and that run out of the ratio;
     *                 empty when the native library does not load
     */
    record Ratios(double bestCeiling, String bestCeilingName, double registrationsPerCeiling,
                  double loginsPerCeiling, List<AdjacentCeiling> adjacent) {

        Optional<AdjacentCeiling> adjacentTo(String workload) {
            return adjacent.stream().filter(ceiling -> ceiling.workload().equals(workload)).findFirst();
        }
    }

    /**
     * A workload's run at twice the cores taken in turns, with the native ceiling in hashes/s measured before the
     * first turn and after each: the host's speed drifts within a minute, so each turn is set against the ceilings on
     * either side of it, and the turns together against the mean of those.
     *
     * <p>With every core busy, a turn's ratio is the product of two figures, which the report gives beside it: the
     * hash's share of the machine's CPU per request, which the work beside the hash decides, and how fast the
     * service hashed against the ceiling around the turn, which the host's drift and the work beside the hash move.
     *
     * @param cores    the ceiling's hashing threads, one per core: a hash of the ceiling costs {@code cores} seconds
     *                 of CPU divided by its rate
     * @param ceilings one more than {@code turns}: the ceiling before the first turn, then after each
     * @param turns    the workload in each turn
     */
    record AdjacentCeiling(String workload, int concurrency, int cores, List<Double> ceilings, List<LoadResult> turns) {

        AdjacentCeiling {
            ceilings = List.copyOf(ceilings);
            turns = List.copyOf(turns);
            if (turns.isEmpty() || ceilings.size() != turns.size() + 1) {
                throw new IllegalArgumentException(ceilings.size() + " ceilings around " + turns.size() + " turns");
            }
        }

        /** The ceiling a turn is set against: the mean of the two measured on either side of it. */
        double ceilingAround(int turn) {
            return (ceilings.get(turn) + ceilings.get(turn + 1)) / 2;
        }

        double turnRatio(int turn) {
            return turns.get(turn).perSecond() / ceilingAround(turn);
        }

        /** The hash's CPU over the machine's, per request, in a turn. */
        double hashShare(int turn) {
            return turns.get(turn).hashCpuMsPerRequest() / turns.get(turn).machineCpuMsPerRequest();
        }

        /** A hash's CPU in the ceiling around a turn over the service's hash CPU per request in it: 1 is as fast. */
        double hashSpeed(int turn) {
            return cores * 1000 / ceilingAround(turn) / turns.get(turn).hashCpuMsPerRequest();
        }

        /** A figure of each turn, to two or three places, in a list: how far the turns agree. */
        String perTurn(IntToDoubleFunction figure, int places) {
            List<String> figures = new ArrayList<>();
            for (int turn = 0; turn < turns.size(); turn++) {
                figures.add(String.format(Locale.ROOT, "%." + places + "f", figure.applyAsDouble(turn)));
            }
            return String.join(", ", figures);
        }

        String turnRatios() {
            return perTurn(this::turnRatio, 2);
        }

        /** The workload's rate over all turns, as the report's row for the run (the turns together) gives it. */
        double workloadPerSecond() {
            return LoadResult.meanOf(turns).perSecond();
        }

        /** The ceiling over the same time: the mean of the ceilings around each turn. */
        double perSecond() {
            double sum = 0;
            for (int turn = 0; turn < turns.size(); turn++) {
                sum += ceilingAround(turn);
            }
            return sum / turns.size();
        }

        double ratio() {
            return workloadPerSecond() / perSecond();
        }
    }

    /**
     * The yardsticks issue 6 set its absolute targets against, as measured on this machine ({@link ReferencePoints}).
     *
     * @param trivialJson                a trivial JSON endpoint on embedded Tomcat and Spring MVC, at 64 clients
     * @param primaryKeySelectsPerSecond primary-key selects on the service's PostgreSQL from 64 connections
     * @param simpleJavaMailPerSecond    simple-java-mail alone into the sink, over kept-open connections
     */
    record References(LoadResult trivialJson, double primaryKeySelectsPerSecond, double simpleJavaMailPerSecond) {

        double trivialJsonRatio() {
            return trivialJson.perSecond() / ReferencePoints.ISSUE_TRIVIAL_JSON_PER_SECOND;
        }

        double primaryKeySelectsRatio() {
            return primaryKeySelectsPerSecond / ReferencePoints.ISSUE_PRIMARY_KEY_SELECTS_PER_SECOND;
        }

        /**
         * How much of the issue's machine this one is, for requests that hash nothing: the larger of the HTTP and the
         * database ratio, since a {@code /me} needs both, and the larger one asks the most of the service.
         */
        double requestScale() {
            return Math.max(trivialJsonRatio(), primaryKeySelectsRatio());
        }

        /** The same for sending mail. */
        double mailScale() {
            return simpleJavaMailPerSecond / ReferencePoints.ISSUE_SIMPLE_JAVA_MAIL_PER_SECOND;
        }
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
