package dev.accounts.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * CPU time used by the service: its JVM, and its PostgreSQL (every process descended from the JVM), read from
 * {@code /proc/<pid>/stat}; beside it, what this process (the load generator and the SMTP sink) and the whole machine used, so
 * that every millisecond a request costs the machine is accounted for. Divided by the requests of a run it gives the
 * CPU one request costs, which is what decides throughput on a machine whose two cores are shared with the load
 * generator. The JVM's figure includes its JIT compiler threads, which are also given on their own: while the JIT still
 * compiles, its CPU is taken from the requests, and a figure that includes it says little about the service's steady
 * state. So are the password hasher's threads: what a hash costs inside the service, next to everything else it runs,
 * against what it costs alone.
 */
final class CpuMeter {

    /** USER_HZ: /proc reports CPU time in ticks of 1/100 s on Linux. */
    private static final double MILLIS_PER_TICK = 10.0;

    private final long servicePid;

    CpuMeter(long servicePid) {
        this.servicePid = servicePid;
    }

    /** HotSpot's compiler threads, as {@code /proc} names them (a thread's name is cut to 15 characters there). */
    private static final List<String> COMPILER_THREADS = List.of("(C1 CompilerThre", "(C2 CompilerThre");

    /** The service's Argon2id threads ({@code Argon2idPasswordHasher} names them {@code argon2id-1}, ...). */
    private static final List<String> HASHER_THREADS = List.of("(argon2id-");

    /**
     * CPU used so far: by the JVM and its PostgreSQL, and by each compiler and hasher thread alive now (by thread id).
     * Threads come and go (an idle hasher thread ends after 30 s, HotSpot starts and stops compiler threads as it
     * needs them), so their part of a window is summed thread by thread, over those alive at its end.
     */
    record Sample(double jvmMillis, double postgresMillis, Map<Long, Long> compilerTicks, Map<Long, Long> hasherTicks,
                  double benchMillis, double machineMillis) {
        Used minus(Sample earlier) {
            return new Used(jvmMillis - earlier.jvmMillis, postgresMillis - earlier.postgresMillis,
                    millisSince(compilerTicks, earlier.compilerTicks), millisSince(hasherTicks, earlier.hasherTicks),
                    benchMillis - earlier.benchMillis, machineMillis - earlier.machineMillis);
        }

        private static double millisSince(Map<Long, Long> now, Map<Long, Long> earlier) {
            return now.entrySet().stream()
                    .mapToLong(thread -> thread.getValue() - earlier.getOrDefault(thread.getKey(), 0L))
                    .sum() * MILLIS_PER_TICK;
        }
    }

    /**
     * CPU used in a window.
     *
     * @param jitMillis     the part of {@code jvmMillis} that the JIT compiler threads used
     * @param hashMillis    the part of {@code jvmMillis} that the password hasher's threads used
     * @param benchMillis   what this process used: the load generator, and the SMTP sink that takes the service's mail
     * @param machineMillis what all cores were busy for, every process and the kernel's own work included; the rest
     *                      of the time they were idle, waiting for I/O or taken by the hypervisor (steal)
     */
    record Used(double jvmMillis, double postgresMillis, double jitMillis, double hashMillis, double benchMillis,
                double machineMillis) {
    }

    Sample sample() {
        Map<Long, Long> parents = new HashMap<>();
        Map<Long, Long> ticks = new HashMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    String[] fields = fieldsAfterName(Files.readString(p.resolve("stat")));
                    long pid = Long.parseLong(p.getFileName().toString());
                    parents.put(pid, Long.parseLong(fields[1]));
                    ticks.put(pid, cpuTicks(fields));
                } catch (IOException | RuntimeException e) {
                    // the process ended while being read
                }
            });
        } catch (IOException e) {
            return new Sample(0, 0, Map.of(), Map.of(), 0, 0);
        }
        Map<Long, String> threads = threadStats();
        Set<Long> descendants = descendants(parents);
        long postgres = descendants.stream().mapToLong(pid -> ticks.getOrDefault(pid, 0L)).sum();
        return new Sample(ticks.getOrDefault(servicePid, 0L) * MILLIS_PER_TICK, postgres * MILLIS_PER_TICK,
                threadTicks(threads, COMPILER_THREADS), threadTicks(threads, HASHER_THREADS),
                ticks.getOrDefault(ProcessHandle.current().pid(), 0L) * MILLIS_PER_TICK, machineBusyMillis());
    }

    /**
     * All cores' busy time from {@code /proc/stat}: user, nice, system, irq and softirq. Idle, iowait and steal are
     * left out, and guest, which user already counts.
     */
    static double machineBusyMillis() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst();
            return busyTicks(cpu) * MILLIS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The busy ticks of the all-cores line of {@code /proc/stat} ({@code cpu  user nice system idle iowait irq softirq steal ...}). */
    static long busyTicks(String allCoresLine) {
        String[] field = allCoresLine.trim().split("\\s+");
        if (!field[0].equals("cpu")) {
            throw new IllegalArgumentException("not the all-cores line of /proc/stat: " + field[0]);
        }
        long busy = 0;
        for (int i : new int[] {1, 2, 3, 6, 7}) {
            busy += Long.parseLong(field[i]);
        }
        return busy;
    }

    /** The stat line of each of the service's threads, by thread id: read once, for every group of threads. */
    private Map<Long, String> threadStats() {
        Map<Long, String> stats = new HashMap<>();
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(servicePid), "task"))) {
            threads.forEach(thread -> {
                try {
                    stats.put(Long.parseLong(thread.getFileName().toString()),
                            Files.readString(thread.resolve("stat")));
                } catch (IOException | RuntimeException e) {
                    // the thread ended while being read
                }
            });
        } catch (IOException e) {
            // the service ended
        }
        return stats;
    }

    /** The CPU ticks of each thread whose name starts with one of these, by thread id. */
    private static Map<Long, Long> threadTicks(Map<Long, String> threadStats, List<String> names) {
        Map<Long, Long> ticks = new HashMap<>();
        threadStats.forEach((thread, stat) -> {
            if (names.stream().anyMatch(stat::contains)) {
                ticks.put(thread, cpuTicks(fieldsAfterName(stat)));
            }
        });
        return ticks;
    }

    /** The fields after the command name, which is in parentheses and may contain spaces. */
    private static String[] fieldsAfterName(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    /** utime + stime. */
    private static long cpuTicks(String[] fieldsAfterName) {
        return Long.parseLong(fieldsAfterName[11]) + Long.parseLong(fieldsAfterName[12]);
    }

    private Set<Long> descendants(Map<Long, Long> parents) {
        Set<Long> found = new HashSet<>();
        List<Long> frontier = List.of(servicePid);
        while (!frontier.isEmpty()) {
            Set<Long> next = new HashSet<>();
            for (Map.Entry<Long, Long> process : parents.entrySet()) {
                if (frontier.contains(process.getValue()) && found.add(process.getKey())) {
                    next.add(process.getKey());
                }
            }
            frontier = List.copyOf(next);
        }
        return found;
    }
}
