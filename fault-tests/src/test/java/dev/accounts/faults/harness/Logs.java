package dev.accounts.faults.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where service output goes: {@code target/fault-logs}, one file per instance, kept for reading after a failure. */
final class Logs {

    private Logs() {
    }

    static Path file(String name) {
        Path directory = Path.of(System.getProperty("faults.logs", "target/fault-logs"));
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return directory.resolve(name + ".log");
    }
}
