package dev.accounts.adapter.out.persistence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PostgreSQL data directory and the programs that work on it ({@code initdb}, {@code postgres},
 * {@code pg_ctl}), run under the {@link ServerAccount}.
 */
final class PostgresCluster {

    static final String SUPERUSER = "postgres";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final Duration INITDB_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration PG_CTL_TIMEOUT = Duration.ofSeconds(60);
    private static final String PG_CTL_WAIT_SECONDS = "45";

    private final Path installation;
    private final Path dataDirectory;
    private final ServerAccount account;

    PostgresCluster(Path installation, Path dataDirectory, ServerAccount account) {
        this.installation = installation;
        this.dataDirectory = dataDirectory;
        this.account = account;
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    boolean isInitialized() {
        return Files.exists(dataDirectory.resolve("PG_VERSION"));
    }

    /**
     * Creates the cluster: C locale, UTF-8, superuser {@value #SUPERUSER} without password, reachable over TCP
     * from 127.0.0.1 only. It is a copy of a template that initdb made once for all (seconds of work; the copy
     * takes a fraction of that). {@code durable} then flushes it to disk, for data meant to survive a crash.
     */
    void initialize(boolean durable) throws IOException, InterruptedException {
        Path template = installation.resolveSibling(installation.getFileName() + ".cluster-template");
        Directories.copyContents(Directories.createAtomically(template, this::initdb), dataDirectory);
        if (durable) {
            CommandResult sync = run(List.of(program("initdb"), "--sync-only", "--pgdata=" + dataDirectory),
                    INITDB_TIMEOUT);
            if (sync.exitCode() != 0) {
                throw new IOException("initdb --sync-only failed: " + sync.explanation());
            }
        }
    }

    private void initdb(Path directory) throws IOException, InterruptedException {
        account.handOver(directory);
        CommandResult initdb = run(List.of(program("initdb"), "--pgdata=" + directory, "--username=" + SUPERUSER,
                "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-instructions", "--no-sync"), INITDB_TIMEOUT);
        if (initdb.exitCode() != 0) {
            throw new IOException("initdb failed: " + initdb.explanation());
        }
        // initdb also trusts ::1 and local sockets; the server listens on neither, but say exactly what is allowed.
        Path hba = directory.resolve("pg_hba.conf");
        Files.writeString(hba, "# Written by EmbeddedPostgres: no password, from this machine's 127.0.0.1 only.\n"
                + "host all all 127.0.0.1/32 trust\n", StandardCharsets.UTF_8);
        account.handOver(hba);
    }

    /**
     * Stops a server still running on this data directory. The caller owns the directory
     * ({@link DataDirectoryLock}), so such a server was orphaned by a process that died before it could stop it.
     * A {@code postmaster.pid} whose process is gone needs nothing: the new server ignores it.
     */
    void stopLeftoverServer() throws IOException, InterruptedException {
        if (!Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            return;
        }
        if (run(List.of(program("pg_ctl"), "status", "--pgdata=" + dataDirectory), PG_CTL_TIMEOUT).exitCode() != 0) {
            return;
        }
        LOG.warn("A PostgreSQL server is still running on {}, left by a process that died; stopping it first", dataDirectory);
        CommandResult stop = run(List.of(program("pg_ctl"), "stop", "--pgdata=" + dataDirectory, "--mode=fast",
                "--wait", "--timeout=" + PG_CTL_WAIT_SECONDS), PG_CTL_TIMEOUT);
        if (stop.exitCode() != 0) {
            throw new IOException("a PostgreSQL server left running on " + dataDirectory + " could not be stopped: "
                    + stop.explanation());
        }
    }

    /** Starts the server in the foreground of the returned process, its log merged into the process's output. */
    Process startServer(int port) throws IOException {
        List<String> command = List.of(program("postgres"), "-D", dataDirectory.toString(), "-p", Integer.toString(port),
                "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories=",
                "-c", "lc_messages=C",
                "-c", "log_line_prefix=[%p] ",
                // Failing statements and error details may carry user data (addresses); keep them out of the log.
                "-c", "log_error_verbosity=terse",
                "-c", "log_min_error_statement=panic");
        Process server = processBuilder(command).redirectErrorStream(true).start();
        server.getOutputStream().close();
        return server;
    }

    /** Asks the server for a fast shutdown: open sessions are ended, and the data is checkpointed. */
    void requestFastShutdown(Process server) throws IOException, InterruptedException {
        // SIGINT is PostgreSQL's fast shutdown; Process.destroy() would send SIGTERM, which waits for every client.
        CommandResult kill = run(List.of(program("pg_ctl"), "kill", "INT", Long.toString(server.pid())), PG_CTL_TIMEOUT);
        if (kill.exitCode() != 0 && server.isAlive()) {
            throw new IOException("pg_ctl kill INT failed: " + kill.explanation());
        }
    }

    private String program(String name) {
        return installation.resolve("bin").resolve(name).toString();
    }

    private ProcessBuilder processBuilder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(account.commandLine(command));
        Map<String, String> environment = builder.environment();
        // PGDATA, PGPORT and friends from the caller's shell must not redirect the programs.
        environment.keySet().removeIf(name -> name.startsWith("PG"));
        environment.put("LC_ALL", "C");
        return builder;
    }

    private CommandResult run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Process process = processBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        FutureTask<String> output = new FutureTask<>(
                () -> new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        Thread.ofVirtual().start(output);
        String name = Path.of(command.get(0)).getFileName() + (command.size() > 1 ? " " + command.get(1) : "");
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IOException(name + " did not finish within " + timeout.toSeconds() + " s");
        }
        try {
            return new CommandResult(process.exitValue(), output.get(5, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            return new CommandResult(process.exitValue(), "");
        }
    }

    /** How a short-lived program ended. */
    private record CommandResult(int exitCode, String output) {

        /** The line that says what went wrong: the last error line, else the last line. */
        String explanation() {
            List<String> lines = output.strip().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
            return lines.reversed().stream()
                    .filter(line -> line.contains("error:") || line.contains("FATAL:"))
                    .findFirst()
                    .orElse(lines.isEmpty() ? "exit code " + exitCode : lines.getLast());
        }
    }
}
