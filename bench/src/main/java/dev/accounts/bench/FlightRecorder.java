package dev.accounts.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One JFR recording of the service per measured run, through {@code jcmd}, so each workload's profile stands alone
 * ({@code jfr print --events jdk.ExecutionSample FILE}). Started before the run's warm-up, so attaching costs
 * nothing inside the measured window.
 */
final class FlightRecorder {

    private final long pid;
    private final Path directory;

    FlightRecorder(long pid, Path directory) throws IOException {
        this.pid = pid;
        this.directory = Files.createDirectories(directory);
    }

    void start() {
        Jcmd.run(pid, "JFR.start", "name=bench", "settings=profile");
    }

    Path stop(String name) {
        Path file = directory.resolve(name + ".jfr").toAbsolutePath();
        Jcmd.run(pid, "JFR.stop", "name=bench", "filename=" + file);
        return file;
    }
}
