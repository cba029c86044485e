package dev.accounts.faults.harness;

import dev.accounts.adapter.out.persistence.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A PostgreSQL of its own for the outage scenario, which stops for real (fast shutdown) and starts again on the same
 * data. The launcher picks a new port at each start, so instances reach it through a {@link TcpRelay} whose port
 * stays the same.
 */
public final class StoppablePostgres implements AutoCloseable {

    private final Path parent;
    private final Path dataDirectory;
    private final TcpRelay relay;
    private EmbeddedPostgres server;

    private StoppablePostgres(Path parent) {
        this.parent = parent;
        this.dataDirectory = parent.resolve("pgdata");
        this.server = EmbeddedPostgres.start(dataDirectory);
        this.relay = TcpRelay.to(server.port());
    }

    public static StoppablePostgres start() {
        try {
            // When the tests run as root, PostgreSQL runs as nobody and must pass through this directory.
            Path parent = Files.createTempDirectory("accounts-faults-pg-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            return new StoppablePostgres(parent);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The database, reached through the relay: the address stays valid across {@link #stop()} and {@link #startAgain()}. */
    public Database database() {
        return new Database("jdbc:postgresql://127.0.0.1:" + relay.port() + "/" + EmbeddedPostgres.DATABASE,
                server.username(), server.password());
    }

    /** Fast shutdown: open sessions are ended, committed data stays. */
    public synchronized void stop() {
        server.close();
    }

    public synchronized void startAgain() {
        server = EmbeddedPostgres.start(dataDirectory);
        relay.retarget(server.port());
    }

    @Override
    public synchronized void close() {
        try {
            relay.close();
            server.close();
        } finally {
            try (Stream<Path> paths = Files.walk(parent)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // A temporary directory left behind is harmless.
            }
        }
    }
}
