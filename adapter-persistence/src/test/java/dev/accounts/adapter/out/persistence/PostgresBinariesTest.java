package dev.accounts.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresBinariesTest {

    @TempDir
    Path cache;

    @Test
    void leavesOneWorkingInstallationWhenTwoRaceToUnpack() throws Exception {
        List<Path> installations;
        try (ExecutorService racers = Executors.newFixedThreadPool(2)) {
            List<Future<Path>> racing = List.of(
                    racers.submit(() -> PostgresBinaries.install(cache)),
                    racers.submit(() -> PostgresBinaries.install(cache)));
            installations = List.of(racing.get(0).get(), racing.get(1).get());
        }

        Path installation = installations.getFirst();
        assertThat(installations.getLast()).isEqualTo(installation);
        try (var entries = Files.list(cache)) {
            assertThat(entries.toList()).containsExactly(installation);
        }
        assertThat(installation.resolve("bin/postgres")).isExecutable();
        assertThat(Files.isSymbolicLink(installation.resolve("lib/libpq.so"))).isTrue();
        assertThat(installation.resolve("lib/libpq.so")).isRegularFile();
        Process version = new ProcessBuilder(installation.resolve("bin/postgres").toString(), "--version")
                .redirectErrorStream(true).start();
        assertThat(new String(version.getInputStream().readAllBytes())).startsWith("postgres (PostgreSQL) 17");
        assertThat(version.waitFor()).isZero();
    }
}
