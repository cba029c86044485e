package dev.accounts.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The service jar as its own process, exactly as an operator starts it ({@code java -jar accounts.jar}), with an
 * embedded PostgreSQL in a fresh data directory and mail going to the benchmark's SMTP sink. Its output goes to a
 * log file beside the data.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("Accounts is ready at http://[^:]+:(\\d+)");

    private final Process process;
    private final int port;
    private final Path dataDirectory;
    private final Path log;

    private ServiceProcess(Process process, int port, Path dataDirectory, Path log) {
        this.process = process;
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.log = log;
    }

    /**
     * @param workDirectory world-traversable: as root the service runs PostgreSQL as {@code nobody}, which must
     *                      reach the data directory inside it
     * @param javaOptions   JVM options for the service (a flight recording, a heap size), empty for the defaults
     */
    static ServiceProcess start(Path jar, Path workDirectory, int smtpPort, List<String> javaOptions, Duration timeout)
            throws IOException {
        Path dataDirectory = workDirectory.resolve("pg");
        Path log = workDirectory.resolve("service.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", jar.toString()));
        // Straight into the log file: copying the service's output through the benchmark cost the machine 0.1 ms per
        // registration (three log lines each), counted against the service.
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        Map<String, String> environment = builder.environment();
        environment.put("ACCOUNTS_HTTP_ADDRESS", "127.0.0.1");
        environment.put("ACCOUNTS_HTTP_PORT", "0");
        environment.put("ACCOUNTS_DATA_DIR", dataDirectory.toString());
        environment.put("ACCOUNTS_SMTP_HOST", "127.0.0.1");
        environment.put("ACCOUNTS_SMTP_PORT", Integer.toString(smtpPort));
        environment.put("ACCOUNTS_SMTP_TRANSPORT", "plain");
        environment.put("ACCOUNTS_MAIL_FROM", "Accounts <no-reply@bench.example.com>");
        // As run.sh, the image and the systemd unit start it, unless the benchmark was told otherwise.
        environment.putIfAbsent("MALLOC_ARENA_MAX", "2");
        Process process = builder.start();
        // A benchmark stopped half-way (Ctrl-C, kill) would leave the service and its PostgreSQL running, and their
        // memory and background work would then count in the next run. SIGTERM still runs shutdown hooks.
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> stop(process)));
        try {
            return new ServiceProcess(process, awaitReady(process, log, timeout), dataDirectory, log);
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** The port from the service's ready line in its log, read every 50 ms until it is there or the service is gone. */
    private static int awaitReady(Process process, Path log, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = READY.matcher(Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "");
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
            if (!process.isAlive()) {
                throw new IOException("the service exited with " + process.exitValue() + "; see " + log);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the service", e);
            }
        }
        throw new IOException("the service did not report ready within " + timeout.toSeconds() + " s; see " + log);
    }

    long pid() {
        return process.pid();
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port);
    }

    String host() {
        return "127.0.0.1:" + port;
    }

    Path log() {
        return log;
    }

    /** A connection to the service's embedded PostgreSQL at {@code jdbcUrl}, as its superuser (no password). */
    static Connection database(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }

    /** The embedded PostgreSQL's JDBC URL, from the port in its {@code postmaster.pid} (line 4). */
    String jdbcUrl() throws IOException {
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            Path pidFile = files.filter(p -> p.getFileName().toString().equals("postmaster.pid")).findFirst()
                    .orElseThrow(() -> new IOException("no postmaster.pid under " + dataDirectory));
            List<String> lines = Files.readAllLines(pidFile);
            return "jdbc:postgresql://127.0.0.1:" + lines.get(3).trim() + "/accounts";
        }
    }

    /** Which libargon2 the service mapped, if any: JNA loads it from the system or unpacks the bundled one. */
    Optional<String> nativeArgon2Library() throws IOException {
        try (Stream<String> maps = Files.lines(Path.of("/proc", Long.toString(pid()), "maps"))) {
            return maps.map(line -> line.replaceFirst("^.*\\s", ""))
                    .filter(path -> path.contains("argon2") || path.contains("/JNA/temp/jna"))
                    .filter(path -> !path.contains("jnidispatch"))
                    .distinct().findFirst();
        }
    }

    /**
     * The options the service's JVM runs with, as its launcher expanded them ({@code @dist/jvm.options} read out),
     * so a report says what ran and not only what was asked for.
     */
    String jvmArguments() {
        return Jcmd.run(pid(), "VM.command_line").flatMap(ServiceProcess::jvmArgumentsLine).orElse("unknown");
    }

    /** The {@code jvm_args:} line of {@code jcmd VM.command_line}; absent when the JVM got no options. */
    static Optional<String> jvmArgumentsLine(String commandLine) {
        return commandLine.lines().filter(line -> line.startsWith("jvm_args: "))
                .map(line -> line.substring("jvm_args: ".length()).strip()).findFirst();
    }

    /** SIGTERM, as an operator would stop it; the service then stops its worker and PostgreSQL itself. */
    @Override
    public void close() throws InterruptedException {
        stop(process);
    }

    private static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
