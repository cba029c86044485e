package dev.accounts.adapter.out.persistence;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server, run from the binaries io.zonky publishes on Maven Central, for development and
 * tests. It listens on 127.0.0.1 only, at a free port, without password ({@code trust}), and holds the database
 * {@value #DATABASE}. When this JVM is root the server runs as {@code nobody}, because PostgreSQL refuses root.
 *
 * <p>Nothing global is registered (no shutdown hook): whoever starts it closes it. While it runs, this process
 * holds a {@link DataDirectoryLock} on the data directory: a second start on a directory in use is refused, and a
 * server left running by a killed JVM (whose lock the kernel released) is stopped by the next
 * {@link #start(Path)} on the same directory.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    public static final String DATABASE = "accounts";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
    private static final int START_ATTEMPTS = 5;
    private static final Set<PosixFilePermission> PRIVATE_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final org.postgresql.Driver DRIVER = new org.postgresql.Driver();

    private final PostgresCluster cluster;
    private final DataDirectoryLock ownership;
    private final Process server;
    private final ServerLog log;
    private final int port;
    private final boolean temporary;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedPostgres(PostgresCluster cluster, DataDirectoryLock ownership, Process server, ServerLog log, int port,
                             boolean temporary) {
        this.cluster = cluster;
        this.ownership = ownership;
        this.server = server;
        this.log = log;
        this.port = port;
        this.temporary = temporary;
    }

    /**
     * Starts a server on a data directory that outlives it: created and initialised when it holds no cluster
     * yet, reused as it is otherwise.
     *
     * @throws IllegalStateException when the server cannot be started; the message says why
     */
    public static EmbeddedPostgres start(Path dataDirectory) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        return launch(dataDirectory.toAbsolutePath().normalize(), false);
    }

    /**
     * Starts a server on a new directory under {@code java.io.tmpdir}, deleted by {@link #close()}.
     *
     * @throws IllegalStateException when the server cannot be started; the message says why
     */
    public static EmbeddedPostgres startTemporary() {
        Path dataDirectory;
        try {
            dataDirectory = Files.createTempDirectory("accounts-pgdata-");
        } catch (IOException e) {
            throw startFailure(e);
        }
        try {
            return launch(dataDirectory, true);
        } catch (RuntimeException e) {
            deleteQuietly(dataDirectory);
            throw e;
        }
    }

    private static EmbeddedPostgres launch(Path dataDirectory, boolean temporary) {
        try {
            ServerAccount account = ServerAccount.forThisProcess();
            Path installation = PostgresBinaries.install();
            account.requireReachable(installation.resolve("bin"), "the PostgreSQL binary directory");
            PostgresCluster cluster = new PostgresCluster(installation, prepare(dataDirectory, account), account);
            DataDirectoryLock ownership = DataDirectoryLock.acquire(dataDirectory);
            try {
                if (cluster.isInitialized()) {
                    // We own the directory now, so a server still running on it was orphaned by a dead process.
                    cluster.stopLeftoverServer();
                } else {
                    cluster.initialize(!temporary);
                }
                return startServer(cluster, ownership, temporary);
            } catch (IOException | InterruptedException | RuntimeException e) {
                ownership.close();
                throw e;
            }
        } catch (IOException e) {
            throw startFailure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("could not start the embedded PostgreSQL: interrupted", e);
        }
    }

    private static Path prepare(Path dataDirectory, ServerAccount account) throws IOException {
        Files.createDirectories(dataDirectory);
        account.handOver(dataDirectory);
        // PostgreSQL refuses a data directory that other users can read.
        Files.setPosixFilePermissions(dataDirectory, PRIVATE_DIRECTORY);
        account.requireReachable(dataDirectory, "the data directory");
        return dataDirectory;
    }

    private static EmbeddedPostgres startServer(PostgresCluster cluster, DataDirectoryLock ownership, boolean temporary)
            throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            Process server = cluster.startServer(port);
            EmbeddedPostgres postgres = new EmbeddedPostgres(cluster, ownership, server,
                    ServerLog.follow(server, "postgres-" + port), port, temporary);
            try {
                if (postgres.awaitConnections()) {
                    postgres.createDatabaseIfMissing();
                    LOG.info("PostgreSQL is running on 127.0.0.1:{} with its data in {}", port, cluster.dataDirectory());
                    return postgres;
                }
            } catch (IOException | InterruptedException | RuntimeException e) {
                postgres.stopServer();
                throw e;
            }
            postgres.stopServer();
            if (attempt == START_ATTEMPTS) {
                throw new IOException("no free port found in " + START_ATTEMPTS + " attempts: " + postgres.log.lastProblem());
            }
            // Another process took the port between our probe and the server's bind: try another one.
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return probe.getLocalPort();
        }
    }

    /** True once a connection succeeds; false when the server could not bind its port. */
    private boolean awaitConnections() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        if (!log.awaitReadyOrEnd(STARTUP_TIMEOUT)) {
            throw new IOException("it did not get ready within " + STARTUP_TIMEOUT.toSeconds() + " s: " + log.lastProblem());
        }
        while (true) {
            if (server.waitFor(0, TimeUnit.MILLISECONDS)) {
                log.awaitEnd(Duration.ofSeconds(1));
                if (log.mentions("Address already in use")) {
                    return false;
                }
                throw new IOException("it stopped while starting: " + log.lastProblem());
            }
            try (Connection ignored = connect("postgres")) {
                return true;
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("it did not accept connections within " + STARTUP_TIMEOUT.toSeconds()
                            + " s: " + e.getMessage(), e);
                }
                Thread.sleep(50);
            }
        }
    }

    private void createDatabaseIfMissing() throws IOException {
        try (Connection connection = connect("postgres");
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet row = exists.executeQuery()) {
                if (row.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IOException("cannot create the database " + DATABASE + ": " + e.getMessage(), e);
        }
    }

    private Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username());
        properties.setProperty("connectTimeout", "5");
        return DRIVER.connect(jdbcUrl(database), properties);
    }

    /** The JDBC URL of the database {@value #DATABASE}. */
    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The superuser; it needs no password from 127.0.0.1. */
    public String username() {
        return PostgresCluster.SUPERUSER;
    }

    public String password() {
        return "";
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return cluster.dataDirectory();
    }

    /**
     * Stops the server with a fast shutdown (open sessions are ended, committed data is kept) and, for a
     * temporary server, deletes its data. Calling it again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stopServer();
        ownership.close();
        if (temporary) {
            deleteQuietly(cluster.dataDirectory());
        }
        LOG.info("PostgreSQL on 127.0.0.1:{} stopped", port);
    }

    private void stopServer() {
        try {
            if (server.isAlive()) {
                cluster.requestFastShutdown(server);
                if (!server.waitFor(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("PostgreSQL on port {} did not stop within {} s; killing it", port, SHUTDOWN_TIMEOUT.toSeconds());
                    server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
            log.awaitEnd(Duration.ofSeconds(5));
        } catch (IOException e) {
            LOG.warn("Could not ask PostgreSQL on port {} to stop ({}); killing it", port, e.getMessage());
            server.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.destroyForcibly();
        }
    }

    private static void deleteQuietly(Path directory) {
        try {
            Directories.deleteRecursively(directory);
        } catch (IOException e) {
            LOG.warn("Could not delete the temporary PostgreSQL data in {}: {}", directory, e.getMessage());
        }
    }

    private static IllegalStateException startFailure(IOException cause) {
        String reason = cause instanceof FileSystemException access && access.getReason() == null
                ? "cannot use " + access.getFile() + " (" + cause.getClass().getSimpleName() + ")"
                : cause.getMessage();
        return new IllegalStateException("could not start the embedded PostgreSQL: " + reason, cause);
    }

    @Override
    public String toString() {
        return "EmbeddedPostgres[127.0.0.1:" + port + ", " + cluster.dataDirectory() + "]";
    }
}
