package dev.accounts.faults.harness;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * One service instance: {@code java -jar accounts.jar} as a child process, configured only through its environment,
 * as in production. Its output goes to {@code target/fault-logs/<name>.log}; it counts as started when it prints
 * {@code Accounts is ready at <url>}.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final String READY = "Accounts is ready at ";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(45);
    /**
     * As run.sh, the unit and the image run it ({@code dist/jvm.options}: its heap bound, pause target, native memory
     * trimming), the heap also fixed at that bound from the start so that a leak shows within a scenario instead of
     * hiding in a growing one.
     */
    private static final List<String> JVM_OPTIONS = deployedOptionsWithFixedHeap(ServiceJar.jvmOptions());
    /** Instances still running when the test JVM exits (a scenario that timed out, say) are killed with it. */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "kill-left-instances"));
    }

    private final String name;
    private final Process process;
    private final Path log;
    private final URI url;
    private final Deque<String> lastLines;

    private ServiceProcess(String name, Process process, Path log, URI url, Deque<String> lastLines) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.url = url;
        this.lastLines = lastLines;
    }

    /**
     * Starts an instance and waits until it serves.
     *
     * @param name        names the log file and the instance in failure messages, e.g. {@code s04-first}
     * @param environment the {@code ACCOUNTS_*} variables; any the test JVM inherited are dropped
     */
    public static ServiceProcess start(String name, Map<String, String> environment) {
        Path jar = ServiceJar.location();
        Path log = Logs.file(name);
        ProcessBuilder builder = new ProcessBuilder(command(jar, Logs.file(name + "-gc"))).redirectErrorStream(true);
        builder.environment().keySet().removeIf(variable -> variable.startsWith("ACCOUNTS_"));
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
            RUNNING.add(process);
            process.onExit().thenRun(() -> RUNNING.remove(process));
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        Deque<String> lastLines = new ArrayDeque<>();
        CompletableFuture<URI> ready = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("output-" + name).start(() -> copyOutput(process, log, lastLines, ready));
        try {
            URI url = ready.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new ServiceProcess(name, process, log, url, lastLines);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            String why = e instanceof ExecutionException ? e.getCause().getMessage()
                    : "it was not ready within " + START_TIMEOUT.toSeconds() + " s";
            throw new IllegalStateException(name + " did not start: " + why + "; its last lines (" + log + "):\n"
                    + String.join("\n", snapshot(lastLines)), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while starting " + name, e);
        }
    }

    private static List<String> deployedOptionsWithFixedHeap(Path optionsFile) {
        try (Stream<String> lines = Files.lines(optionsFile)) {
            String maxHeap = lines.map(String::strip).filter(line -> line.startsWith("-Xmx")).findFirst()
                    .map(line -> line.split("\\s+")[0])
                    .orElseThrow(() -> new IllegalStateException(optionsFile + " sets no -Xmx"));
            return List.of("@" + optionsFile, "-Xms" + maxHeap.substring("-Xmx".length()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + optionsFile, e);
        }
    }

    /** The collector's pauses go to a file of their own, to tell a pause from a slow request when one shows. */
    private static List<String> command(Path jar, Path gcLog) {
        return Stream.of(List.of(ServiceJar.javaLauncher().toString()), JVM_OPTIONS,
                        List.of("-Xlog:gc:file=" + gcLog + ":uptime", "-jar", jar.toString()))
                .flatMap(List::stream).toList();
    }

    private static void copyOutput(Process process, Path log, Deque<String> lastLines, CompletableFuture<URI> ready) {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             BufferedWriter file = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                file.write(line);
                file.newLine();
                file.flush();
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > 40) {
                        lastLines.removeFirst();
                    }
                }
                int at = line.indexOf(READY);
                if (at >= 0) {
                    // The service names localhost; it listens on 127.0.0.1 only, so ask there directly.
                    URI announced = URI.create(line.substring(at + READY.length()).strip());
                    ready.complete(URI.create("http://127.0.0.1:" + announced.getPort()));
                }
            }
        } catch (IOException e) {
            // The process ended; whoever waits learns it below.
        }
        ready.completeExceptionally(new IllegalStateException("the process ended with exit code " + exitCode(process)));
    }

    private static String exitCode(Process process) {
        try {
            return Integer.toString(process.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static List<String> snapshot(Deque<String> lines) {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    public String name() {
        return name;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI url() {
        return url;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** Time since the process started: the clock of its {@code -gc.log}, to match a slow answer with a pause. */
    public Duration uptime() {
        return process.info().startInstant().map(started -> Duration.between(started, Instant.now()))
                .orElse(Duration.ZERO);
    }

    /** The process's own view of its size: resident memory and thread count, from {@code /proc/<pid>/status}. */
    public ProcessFigures figures() {
        return ProcessFigures.of(pid());
    }

    /** Live heap after a full collection, in bytes, as {@code jcmd GC.class_histogram} reports it. */
    public long liveHeapBytes() {
        return LiveHeap.measure(pid());
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is flushed or released. Returns once the process is gone. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(STOP_TIMEOUT);
    }

    /** {@code kill -TERM}: the service's shutdown hook stops it gracefully. Returns the exit code. */
    public int terminate() {
        process.destroy();
        return awaitExit(STOP_TIMEOUT);
    }

    private int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException(name + " did not end within " + timeout.toSeconds() + " s; killed it");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while stopping " + name, e);
        }
    }

    /** How many lines of the service's output so far contain {@code text}. */
    public long logLinesContaining(String text) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(text)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines the service printed, for failure messages. */
    public String lastLines() {
        return String.join("\n", snapshot(lastLines));
    }

    /** Stops it gracefully if it still runs (killing it if that takes too long). */
    @Override
    public void close() {
        if (process.isAlive()) {
            terminate();
        }
    }

    @Override
    public String toString() {
        return name + "[pid " + pid() + ", " + url + "]";
    }
}
