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
 * {@code /proc/<pid>/stat}. Divided by the requests of a run it gives the CPU one request costs, which is what
 * decides throughput on a machine whose two cores are shared with the load generator. The JVM's figure includes its
 * JIT compiler threads, which are also given on their own: while the JIT still compiles, its CPU is taken from the
 * requests, and a figure that includes it says little about the service's steady state.
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

    /** @param jitMillis the part of {@code jvmMillis} that the JIT compiler threads used */
    record Sample(double jvmMillis, double postgresMillis, double jitMillis) {
        Sample minus(Sample earlier) {
            return new Sample(jvmMillis - earlier.jvmMillis, postgresMillis - earlier.postgresMillis,
                    jitMillis - earlier.jitMillis);
        }
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
            return new Sample(0, 0, 0);
        }
        Set<Long> descendants = descendants(parents);
        long postgres = descendants.stream().mapToLong(pid -> ticks.getOrDefault(pid, 0L)).sum();
        return new Sample(ticks.getOrDefault(servicePid, 0L) * MILLIS_PER_TICK, postgres * MILLIS_PER_TICK,
                compilerTicks() * MILLIS_PER_TICK);
    }

    private long compilerTicks() {
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(servicePid), "task"))) {
            return threads.mapToLong(thread -> {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    if (COMPILER_THREADS.stream().noneMatch(name -> stat.contains(name))) {
                        return 0;
                    }
                    return cpuTicks(fieldsAfterName(stat));
                } catch (IOException | RuntimeException e) {
                    return 0; // the thread ended while being read
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
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
