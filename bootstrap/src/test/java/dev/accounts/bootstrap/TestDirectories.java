package dev.accounts.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Temporary directories for an embedded database's data. */
final class TestDirectories {

    private TestDirectories() {
    }

    /**
     * A fresh temporary directory that other users may pass through: when the tests run as root, PostgreSQL runs
     * as {@code nobody} and must reach its data directory below this one.
     */
    static Path reachableByEveryone(String prefix) {
        try {
            return Files.createTempDirectory(prefix, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
