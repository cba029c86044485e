package dev.accounts.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One JFR recording of the service per measured run, through {@code jcmd}, so each workload's profile stands alone
 * ({@code jfr print --events jdk.ExecutionSample FILE}). Started before the run's warm-up, so attaching costs
 * nothing inside the measured window.
 */
final class FlightRecorder {

    private final long pid;
    private final Path directory;
    private final Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");

    FlightRecorder(long pid, Path directory) throws IOException {
        this.pid = pid;
        this.directory = Files.createDirectories(directory);
    }

    void start() {
        jcmd("JFR.start", "name=bench", "settings=profile");
    }

    Path stop(String name) {
        Path file = directory.resolve(name + ".jfr").toAbsolutePath();
        jcmd("JFR.stop", "name=bench", "filename=" + file);
        return file;
    }

    private void jcmd(String... command) {
        List<String> line = new java.util.ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                Benchmark.log("jcmd %s did not succeed", String.join(" ", command));
            }
        } catch (IOException e) {
            Benchmark.log("jcmd failed: %s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
