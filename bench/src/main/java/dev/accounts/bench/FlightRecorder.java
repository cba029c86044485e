package dev.accounts.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One JFR recording of the service per measured run, through {@code jcmd}, so each workload's profile stands alone
 * ({@code jfr print --events jdk.ExecutionSample FILE}). Started before the run's warm-up, so attaching costs
 * nothing inside the measured window.
 *
 * <p>On JDK 25 and later (the service runs on the benchmark's own JDK) the recording also takes JDK 25's CPU-time
 * samples ({@code jdk.CPUTimeSample}, one per millisecond of a thread's CPU): the execution sampler sees only threads
 * running Java code, about 200 samples in a 40 s registration run, while the hash runs in native code and a request
 * thread spends much of its time in socket writes. The denser sampling costs the service about 0.01–0.02 of the hash's
 * share of the machine, so a recorded run's figures are not the ones to report.
 */
final class FlightRecorder {

    private final long pid;
    private final Path directory;

    FlightRecorder(long pid, Path directory) throws IOException {
        this.pid = pid;
        this.directory = Files.createDirectories(directory);
    }

    void start() {
        List<String> command = new ArrayList<>(List.of("JFR.start", "name=bench", "settings=profile"));
        if (Runtime.version().feature() >= 25) {
            command.addAll(List.of("jdk.CPUTimeSample#enabled=true", "jdk.CPUTimeSample#throttle=1ms"));
        }
        Jcmd.run(pid, command.toArray(String[]::new));
    }

    Path stop(String name) {
        Path file = directory.resolve(name + ".jfr").toAbsolutePath();
        Jcmd.run(pid, "JFR.stop", "name=bench", "filename=" + file);
        return file;
    }
}
