package dev.accounts.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One diagnostic command to the service's JVM, by the {@code jcmd} of the JDK the benchmark runs on. A failed command
 * is logged and answered empty: what it was for (a profile, a line of the report) is not worth the run.
 */
final class Jcmd {

    private static final Path JCMD = Path.of(System.getProperty("java.home"), "bin", "jcmd");

    private Jcmd() {
    }

    static Optional<String> run(long pid, String... command) {
        List<String> line = new ArrayList<>(List.of(JCMD.toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        Path output = null;
        try {
            // Into a file, not a pipe: a jcmd that hangs must not hang the benchmark past the time-out.
            output = Files.createTempFile("jcmd", ".out");
            Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                Benchmark.log("jcmd %s did not succeed", String.join(" ", command));
                return Optional.empty();
            }
            return Optional.of(Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            Benchmark.log("jcmd failed: %s", e);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }
}
