package dev.accounts.faults.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What each scenario measured: one line on standard output (surefire keeps it in the scenario's
 * {@code -output.txt} report) and one row of the table in {@code target/reliability.md}, which the first scenario
 * of a run starts afresh.
 */
public final class ReliabilityReport {

    private static boolean started;

    private ReliabilityReport() {
    }

    /**
     * @param scenario the number in issue 4's list
     * @param load     what was done, e.g. "50 registrations, SMTP refusing connections"
     * @param result   what came of it, with the figures
     */
    public static synchronized void record(int scenario, String title, String load, String result) {
        System.out.println("scenario " + scenario + " (" + title + "): " + load + " -> " + result);
        Path report = Path.of(System.getProperty("faults.report", "target/reliability.md"));
        try {
            Files.createDirectories(report.toAbsolutePath().getParent());
            if (!started) {
                Files.writeString(report, "| scenario | load | result |\n|---|---|---|\n", StandardCharsets.UTF_8);
                started = true;
            }
            Files.writeString(report, "| " + scenario + ". " + title + " | " + load + " | " + result + " |\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
