package dev.accounts.faults.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's resident memory and thread count as the kernel reports them in {@code /proc/<pid>/status}.
 *
 * @param residentKilobytes {@code VmRSS}
 * @param threads           {@code Threads}
 */
public record ProcessFigures(long residentKilobytes, int threads) {

    static ProcessFigures of(long pid) {
        long resident = -1;
        int threads = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    resident = Long.parseLong(line.replaceAll("\\D", ""));
                } else if (line.startsWith("Threads:")) {
                    threads = Integer.parseInt(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the status of process " + pid, e);
        }
        return new ProcessFigures(resident, threads);
    }

    public long residentMegabytes() {
        return residentKilobytes / 1024;
    }
}
