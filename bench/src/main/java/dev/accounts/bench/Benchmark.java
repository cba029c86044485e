package dev.accounts.bench;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import dev.accounts.adapter.out.crypto.Argon2Implementation;
import dev.accounts.adapter.out.crypto.Argon2Parameters;
import dev.accounts.adapter.out.crypto.Argon2idPasswordHasher;
import dev.accounts.domain.user.Password;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * One benchmark run, start to finish (bench/README.md): hash ceilings in this JVM; then the service jar in its own
 * process, driven over HTTP from this one; outbox drain; a slow mail server; memory; the report.
 */
public final class Benchmark {

    private static final Argon2Parameters OWASP = Argon2Parameters.OWASP;
    private static final String PASSWORD = AccountWorkloads.PASSWORD;
    private static final int WARM_UP_MAILS = 2_000;
    private static final Duration JIT_ROUND_PER_WORKLOAD = Duration.ofSeconds(3);
    /** A JIT counts as settled once its compiler threads use less than this share of one core over a round. */
    private static final double SETTLED_JIT_SHARE = 0.03;
    /** How long one workload runs between two looks at its JIT before it is measured, and how often at most. */
    private static final Duration WORKLOAD_WARM_UP_ROUND = Duration.ofSeconds(10);
    private static final int WORKLOAD_WARM_UP_ROUNDS = 15;
    /** Requests of one workload before it is measured: what HotSpot's C2 needs, with a margin (see warmedUp). */
    private static final int STEADY_REQUESTS = 6_000;
    private static final int COMPARISON_TURNS = 4;
    /** The client count of the issue's {@code /me} target and of the memory target. */
    private static final int MANY_CLIENTS = 64;
    private static final String NATIVE = "native libargon2 (argon2-jvm)";
    /** The workloads that cost a hash each, whose rate issue 6 sets against the ceiling. */
    private static final Set<String> HASHING = Set.of("register", "login");
    /** As many as the service keeps open by default ({@code ACCOUNTS_MAIL_SEND_PARALLELISM}). */
    private static final int MAIL_CONNECTIONS = 4;

    private final BenchSettings settings;
    private final Map<String, String> environment;
    /** Set when BENCH_JFR=true: one recording per measured run. */
    private FlightRecorder recorder;
    private int recordings;
    /** One libargon2 binding for every native ceiling of the run; empty once it has failed to load. */
    private Optional<Runnable> nativeHash;
    /** The native ceiling around each hashing workload's run at twice the cores (see measureWorkloads). */
    private final List<BenchReport.AdjacentCeiling> adjacentCeilings = new ArrayList<>();

    private Benchmark(BenchSettings settings, Map<String, String> environment) {
        this.settings = settings;
        this.environment = environment;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> environment = System.getenv();
        // A missed target is a finding to report, not a failed run: the exit status says only whether it ran.
        new Benchmark(BenchSettings.fromEnvironment(environment), environment).run();
        System.exit(0);
    }

    private BenchReport run() throws Exception {
        long started = System.nanoTime();
        Instant startedAt = Instant.now();
        double loadBefore = loadAverage();
        log("Accounts benchmark on %d cores (load average %.2f); windows of %d s", settings.cores(), loadBefore,
                settings.window().toSeconds());
        if (!Files.isRegularFile(settings.jar())) {
            throw new IllegalStateException(settings.jar() + " is missing: build it first (bench/run.sh does)");
        }
        String hasherSetting = environment.getOrDefault("ACCOUNTS_HASHER", "auto");
        List<HashCeiling> ceilings = settings.runs("hash") ? hashCeilings(hasherSetting) : List.of();

        Path work = Files.createTempDirectory("accounts-bench-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.createDirectories(settings.results());
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(startedAt);
        try (SmtpSink sink = SmtpSink.start()) {
            List<String> javaOptions = new ArrayList<>(settings.serviceJavaOptions());
            // A copy, so that a rebuild during the run (others may build in this tree) cannot swap the jar underneath.
            Path jar = Files.copy(settings.jar(), work.resolve("accounts.jar"));
            if (settings.baselineJar().isPresent()) {
                compare(work, jar, sink, javaOptions, stamp);
                return null;
            }
            // Before the service starts, so that the two do not share the cores.
            LoadResult trivialJson = settings.runs("reference") ? trivialJson(javaOptions) : null;
            log("Starting a copy of %s (embedded PostgreSQL in %s)", settings.jar(), work);
            ServiceProcess service = ServiceProcess.start(jar, work, sink.port(), javaOptions, Duration.ofMinutes(3));
            try (MemorySampler memory = new MemorySampler(service.pid())) {
                if (settings.flightRecording()) {
                    recorder = new FlightRecorder(service.pid(), settings.results().resolve("jfr-" + stamp));
                }
                if (settings.focused()) {
                    measurePhases(service, sink, memory, trivialJson);
                    return null;
                }
                BenchReport report = measureService(service, sink, memory, ceilings, hasherSetting, trivialJson,
                        startedAt, loadBefore, started);
                new ReportWriter(report).writeAll(settings.results(), stamp);
                return report;
            } finally {
                service.close();
                Path log = Files.copy(service.log(), settings.results().resolve("service-" + stamp + ".log"));
                log("Service stopped; its log: %s", log);
                deleteRecursively(work);
            }
        }
    }

    /** One of the two services of a comparison run, with what drives and measures it. */
    private record Side(String name, ServiceProcess service, LoadGenerator generator, CpuMeter cpu,
                        AccountWorkloads workloads, OutboxBacklog outbox) {

        /** What the log puts before this side's lines: nothing when one service runs. */
        String label() {
            return name.isEmpty() ? "" : name + " ";
        }

        static Side start(String name, Path jar, Path work, SmtpSink sink, List<String> javaOptions) throws IOException {
            Path directory = Files.createDirectories(work.resolve(name));
            Path copy = Files.copy(jar, directory.resolve("accounts.jar"));
            ServiceProcess service = ServiceProcess.start(copy, directory, sink.port(), javaOptions, Duration.ofMinutes(3));
            return new Side(name, service, new LoadGenerator(service.address()), new CpuMeter(service.pid()),
                    workloadsFor(service), new OutboxBacklog(service.jdbcUrl()));
        }
    }

    /**
     * A comparison run ({@code BENCH_BASELINE_JAR}): the baseline jar and the jar under test both run, each with its
     * own PostgreSQL; both warm up until their JITs settle, then each measured HTTP run is taken in turns on one and
     * the other ({@value #COMPARISON_TURNS} turns each), the order swapped every turn. On a machine whose speed drifts
     * by a third from one minute to the next (other tenants), two runs one after the other cannot tell a 15 %
     * change; turns a few seconds apart can.
     */
    private void compare(Path work, Path candidateJar, SmtpSink sink, List<String> javaOptions, String stamp)
            throws Exception {
        log("Comparison: baseline %s against %s", settings.baselineJar().orElseThrow(), settings.jar());
        Side baseline = Side.start(JarComparison.BASELINE, settings.baselineJar().orElseThrow(), work, sink, javaOptions);
        try {
            Side candidate = Side.start(JarComparison.CANDIDATE, candidateJar, work, sink, javaOptions);
            try {
                List<Side> sides = List.of(baseline, candidate);
                for (Side side : sides) {
                    log("Warming up the %s", side.name());
                    warmUpJvm(side.generator(), side.workloads(), side.outbox(), sink);
                }
                settleJit(sides);
                JarComparison comparison = new JarComparison();
                for (int w = 0; w < workloadsInOrder(baseline.workloads()).size(); w++) {
                    List<Workload> workloads = new ArrayList<>();
                    for (Side side : sides) {
                        workloads.add(warmedUp(side.generator(), side.cpu(), workloadsInOrder(side.workloads()).get(w),
                                side.outbox()));
                    }
                    if (!settings.runs(workloads.getFirst().name())) {
                        continue;
                    }
                    for (int concurrency : settings.concurrencies()) {
                        for (int turn = 0; turn < COMPARISON_TURNS; turn++) {
                            for (int i = 0; i < sides.size(); i++) {
                                int s = turn % 2 == 0 ? i : sides.size() - 1 - i;
                                Side side = sides.get(s);
                                comparison.add(side.name(), measure(side.generator(), side.cpu(), workloads.get(s),
                                        concurrency, settings.window(), side.label()));
                            }
                        }
                    }
                }
                log("Medians of %d turns each:", COMPARISON_TURNS);
                comparison.summary().forEach(line -> log("  %s", line));
            } finally {
                closeAndKeepLog(candidate, stamp);
            }
        } finally {
            closeAndKeepLog(baseline, stamp);
        }
    }

    private void closeAndKeepLog(Side side, String stamp) throws IOException, InterruptedException {
        side.service().close();
        Path log = Files.copy(side.service().log(),
                settings.results().resolve("service-" + stamp + "-" + side.name() + ".log"));
        log("The %s stopped; its log: %s", side.name(), log);
    }

    /** The database and the jar copy: a few hundred MiB per run that nobody needs afterwards. */
    private static void deleteRecursively(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private List<HashCeiling> hashCeilings(String hasherSetting) throws InterruptedException {
        int threads = settings.cores();
        log("Hash ceilings: Argon2id m=%d KiB t=%d p=%d on %d threads", OWASP.memoryKiB(), OWASP.iterations(),
                OWASP.parallelism(), threads);
        List<HashCeiling> ceilings = new ArrayList<>();
        Argon2PasswordEncoder bouncyCastle = new Argon2PasswordEncoder(OWASP.saltLength(), OWASP.hashLength(),
                OWASP.parallelism(), OWASP.memoryKiB(), OWASP.iterations());
        ceilings.add(ceiling("BouncyCastle (Spring Argon2PasswordEncoder)", () -> bouncyCastle.encode(PASSWORD)));
        Optional<Runnable> libargon2 = nativeHashOnce();
        if (libargon2.isPresent()) {
            ceilings.add(ceiling(NATIVE, libargon2.get()));
        }
        Argon2idPasswordHasher configured = Argon2idPasswordHasher.using(
                Argon2Implementation.valueOf(hasherSetting.toUpperCase(Locale.ROOT)), OWASP,
                Integer.parseInt(environment.getOrDefault("ACCOUNTS_HASH_CONCURRENCY", Integer.toString(threads))));
        Password typed = Password.of(PASSWORD);
        ceilings.add(ceiling("configured PasswordHasher (ACCOUNTS_HASHER=" + hasherSetting + " → "
                + configured.implementation().name().toLowerCase(Locale.ROOT) + ")", () -> configured.hash(typed)));
        return ceilings;
    }

    /** One hash with libargon2 through argon2-jvm, or empty where the native library cannot load. */
    private Optional<Runnable> nativeHashOnce() {
        if (nativeHash == null) {
            try {
                Argon2Advanced libargon2 = Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id,
                        OWASP.saltLength(), OWASP.hashLength());
                byte[] password = PASSWORD.getBytes(StandardCharsets.UTF_8);
                nativeHash = Optional.of(
                        () -> libargon2.hash(OWASP.iterations(), OWASP.memoryKiB(), OWASP.parallelism(), password));
            } catch (LinkageError e) {
                log("native libargon2 cannot load here: %s", e);
                nativeHash = Optional.empty();
            }
        }
        return nativeHash;
    }

    /**
     * The native ceiling again, measured as the ceiling phase measures it (a second of warm-up, then its rounds),
     * with the service idle between the workload's warm-up and its run.
     */
    private double adjacentCeiling(Runnable hashOnce, String when) throws InterruptedException {
        return ceiling(String.format(Locale.ROOT, "%-9s %s", when, NATIVE), NATIVE, Duration.ofSeconds(1), hashOnce)
                .perSecond();
    }

    private HashCeiling ceiling(String name, Runnable hashOnce) throws InterruptedException {
        return ceiling(String.format(Locale.ROOT, "%-62s", name), name, Duration.ofSeconds(3), hashOnce);
    }

    /** The ceiling on one thread per core, logged under {@code label}. */
    private HashCeiling ceiling(String label, String name, Duration warmUp, Runnable hashOnce)
            throws InterruptedException {
        HashCeiling ceiling = HashCeiling.measure(name, settings.cores(), warmUp, settings.hashRound(),
                settings.hashRounds(), hashOnce);
        log("  %s %6.1f hashes/s (rounds %s)", label, ceiling.perSecond(), ReportWriter.rounded(ceiling.rounds()));
        return ceiling;
    }

    private BenchReport measureService(ServiceProcess service, SmtpSink sink, MemorySampler memory,
                                       List<HashCeiling> ceilings, String hasherSetting, LoadResult trivialJson,
                                       Instant startedAt, double loadBefore, long started) throws Exception {
        InetSocketAddress address = service.address();
        String nativeLibrary = service.nativeArgon2Library().orElse("none mapped (the Java implementation runs)");
        String serviceHasher = firstLogLine(service.log(), "Password hashing:");
        String jvmArguments = service.jvmArguments();
        log("Service ready at %s, pid %d; %s; libargon2: %s", service.host(), service.pid(), serviceHasher, nativeLibrary);
        LoadGenerator generator = new LoadGenerator(address);
        CpuMeter cpu = new CpuMeter(service.pid());
        AccountWorkloads workloads = workloadsFor(service);
        List<LoadResult> load = measureWorkloads(generator, cpu, workloads, service, sink, memory);
        BenchReport.References references = references(trivialJson, service, sink);

        BenchReport.Drain drain = drain(service, sink);
        BenchReport.SlowSmtp slowSmtp = slowSmtp(generator, cpu, workloads, sink, service);
        BenchReport.Memory rss = new BenchReport.Memory(memory.peakRssKiB() / 1024.0, memory.highWaterMarkKiB() / 1024.0);
        log("Memory: peak VmRSS under 64 clients %.0f MiB, VmHWM %.0f MiB", rss.peakRssMiB(), rss.highWaterMiB());

        HashCeiling best = BenchReport.best(ceilings);
        double registrations = find(load, "register", settings.twicePerCore()).perSecond();
        double logins = find(load, "login", settings.twicePerCore()).perSecond();
        BenchReport.Ratios ratios = new BenchReport.Ratios(best.perSecond(), best.name(),
                registrations / best.perSecond(), logins / best.perSecond(), List.copyOf(adjacentCeilings));
        BenchReport.Machine machine = new BenchReport.Machine(settings.cores(), cpuModel(),
                System.getProperty("java.vm.name") + " " + Runtime.version(), loadBefore, loadAverage());
        BenchReport draft = new BenchReport(startedAt.toString(), machine, hasherSetting, serviceHasher, nativeLibrary,
                jvmArguments, ceilings, load, drain, slowSmtp, rss, ratios, references, List.of(),
                (System.nanoTime() - started) / 1e9);
        return new BenchReport(draft.startedAt(), machine, hasherSetting, serviceHasher, nativeLibrary, jvmArguments,
                ceilings, load, drain, slowSmtp, rss, ratios, references, Targets.check(draft, settings.twicePerCore()),
                draft.durationSeconds());
    }

    /** A focused run: the workloads warm up in order (each needs the one before), only the named phases are measured. */
    private void measurePhases(ServiceProcess service, SmtpSink sink, MemorySampler memory, LoadResult trivialJson)
            throws Exception {
        LoadGenerator generator = new LoadGenerator(service.address());
        CpuMeter cpu = new CpuMeter(service.pid());
        AccountWorkloads workloads = workloadsFor(service);
        measureWorkloads(generator, cpu, workloads, service, sink, memory);
        if (settings.runs("reference")) {
            references(trivialJson, service, sink);
        }
        if (settings.runs("drain")) {
            drain(service, sink);
        }
        if (settings.runs("slow-smtp")) {
            slowSmtp(generator, cpu, workloads, sink, service);
        }
        if (memory.peakRssKiB() > 0) {
            log("Service JVM under the %d-client runs: peak VmRSS %.0f MiB; VmHWM over its life %.0f MiB", MANY_CLIENTS,
                    memory.peakRssKiB() / 1024.0, memory.highWaterMarkKiB() / 1024.0);
        }
        log("Focused run (BENCH_ONLY): figures above only, no report written");
    }

    private static AccountWorkloads workloadsFor(ServiceProcess service) {
        String runId = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36), 36);
        return new AccountWorkloads(service.host(), runId);
    }

    /**
     * The HTTP phases: the JVM's warm-up, then each workload the run measures (all of them in a full run), warmed up
     * again right before, at every concurrency; the memory sampler watches the 64-client runs.
     */
    private List<LoadResult> measureWorkloads(LoadGenerator generator, CpuMeter cpu, AccountWorkloads workloads,
                                              ServiceProcess service, SmtpSink sink, MemorySampler memory)
            throws Exception {
        OutboxBacklog outbox = new OutboxBacklog(service.jdbcUrl());
        warmUpJvm(generator, workloads, outbox, sink);
        settleJit(List.of(new Side("", service, generator, cpu, workloads, outbox)));
        List<LoadResult> load = new ArrayList<>();
        for (Supplier<Workload> supplier : workloadsInOrder(workloads)) {
            Workload workload = warmedUp(generator, cpu, supplier, outbox);
            if (!settings.runs(workload.name())) {
                continue;
            }
            for (int concurrency : settings.concurrencies()) {
                if (concurrency == MANY_CLIENTS) {
                    memory.arm();
                }
                // The ratio that issue 6 sets a target for, at twice the cores, also against a ceiling measured
                // around the run: the host's speed drifts by 10-20 % between the ceiling phase and the run.
                Optional<Runnable> bracket = concurrency == settings.twicePerCore() && HASHING.contains(workload.name())
                        ? nativeHashOnce() : Optional.empty();
                load.add(bracket.isPresent()
                        ? measureInTurns(generator, cpu, workload, concurrency, bracket.get())
                        : measure(generator, cpu, workload, concurrency));
                memory.disarm();
            }
        }
        return load;
    }

    /**
     * Every workload in turn, for {@code BENCH_JVM_WARMUP_SECONDS} in all, before anything is measured: the JIT
     * compiles for about forty seconds after the service starts, on the same two cores, and its compile threads'
     * CPU counts against whatever runs first (measured: registrations at 18.6, 20.4, then 28.8/s in three 12-second
     * windows right after start, with 100, 91, then 64 ms of service CPU each).
     */
    private void warmUpJvm(LoadGenerator generator, AccountWorkloads workloads, OutboxBacklog outbox, SmtpSink sink)
            throws Exception {
        List<Supplier<Workload>> all = workloadsInOrder(workloads);
        Duration each = settings.jvmWarmUp().dividedBy(all.size());
        log("Warming up the JVM: every workload for %d s, at concurrency %d", each.toSeconds(), settings.twicePerCore());
        for (Supplier<Workload> workload : all) {
            generator.run(workload.get(), settings.twicePerCore(), Duration.ZERO, each, LoadGenerator.Window.NONE);
        }
        // The mail path too: a cold one spent some 40 ms of CPU per welcome mail, which the registrations measured
        // next paid for, and its backlog spilled into the logins after them.
        log("Warming up the mail path: %d queued mails", WARM_UP_MAILS);
        outbox.awaitOtherMailSent(Duration.ofMinutes(2));
        long before = sink.received();
        outbox.insertNotYetDue(WARM_UP_MAILS);
        outbox.release();
        sink.awaitReceived(before + WARM_UP_MAILS, Duration.ofMinutes(3));
    }

    /**
     * More rounds of every workload until the JIT has all but finished, up to {@code BENCH_JIT_SETTLE_SECONDS}: on a
     * slower machine it still compiled after the fixed warm-up, with a fifth of the CPU (a quarter of a core for
     * minutes), and every figure measured then paid for it. Settled means its compiler threads used under
     * {@value #SETTLED_JIT_SHARE} of one core over a round. Two services (a comparison run) take their rounds in
     * turns until both have settled, so that neither idles while the other warms up.
     */
    private void settleJit(List<Side> sides) throws Exception {
        long deadline = System.nanoTime() + settings.jitSettle().toNanos();
        while (true) {
            boolean allSettled = true;
            for (Side side : sides) {
                double jitShare = jitShareOfARound(side);
                boolean settled = jitSettled(jitShare);
                log("  %sJIT compiler threads: %.1f %% of one core over the last round%s", side.label(), jitShare * 100,
                        settled ? ": settled" : "");
                allSettled &= settled;
            }
            if (allSettled) {
                return;
            }
            if (System.nanoTime() > deadline) {
                log("  The JIT is still compiling; measuring anyway (BENCH_JIT_SETTLE_SECONDS)");
                return;
            }
        }
    }

    private double jitShareOfARound(Side side) throws Exception {
        CpuMeter.Sample before = side.cpu().sample();
        long started = System.nanoTime();
        for (Supplier<Workload> workload : workloadsInOrder(side.workloads())) {
            side.generator().run(workload.get(), settings.twicePerCore(), Duration.ZERO, JIT_ROUND_PER_WORKLOAD,
                    LoadGenerator.Window.NONE);
        }
        return jitShareSince(side.cpu(), before, started);
    }

    /** The share of one core the JIT's compiler threads used since {@code before}, taken at {@code startedNanos}. */
    private static double jitShareSince(CpuMeter cpu, CpuMeter.Sample before, long startedNanos) {
        return cpu.sample().minus(before).jitMillis() / ((System.nanoTime() - startedNanos) / 1e6);
    }

    /**
     * Whether the JIT has all but stopped compiling. A negative share is not settled: a compiler thread ended in the
     * round (HotSpot stops extra ones when idle) and took its time along.
     */
    static boolean jitSettled(double jitShare) {
        return jitShare >= 0 && jitShare < SETTLED_JIT_SHARE;
    }

    /**
     * Each workload is warmed up right before it is measured, not all of them first: the aftermath of a fast workload
     * (thousands of audit rows for PostgreSQL to vacuum and checkpoint, garbage for the collector) would otherwise
     * land in the measured window of the next. The order matters: logins need the users the registrations made,
     * {@code /me} the sessions the logins made.
     *
     * <p>The warm-up goes on in rounds of {@link #WORKLOAD_WARM_UP_ROUND} until the workload has run
     * {@value #STEADY_REQUESTS} times and its JIT has gone quiet, for {@value #WORKLOAD_WARM_UP_ROUNDS} rounds at most.
     * HotSpot compiles a method with C2 once it has been called about 5,000 times ({@code Tier4InvocationThreshold}),
     * and much of a registration's code
     * (its transaction, its welcome mail) runs once per registration: at 60 a second that takes well over a minute,
     * more than the warm-up of all workloads together gave them. Measured before this: the registration path's C2
     * compiles landed in the measured window (up to 3.7 ms of compiling per registration), and code still in C1
     * cost 2.3–2.7 ms of service CPU per registration beside the hash and the JIT, against 1.9 ms after 200 s of
     * registrations.
     */
    private Workload warmedUp(LoadGenerator generator, CpuMeter cpu, Supplier<Workload> supplier, OutboxBacklog outbox)
            throws Exception {
        // The mail the previous workload queued is sent first: its sending is that workload's cost, not this one's.
        outbox.awaitOtherMailSent(Duration.ofMinutes(2));
        Workload workload = supplier.get();
        log("Warming up %s (%d s at concurrency %d)", workload.name(), settings.serviceWarmUp().toSeconds(),
                settings.twicePerCore());
        WarmUpRound round = warmUpRound(generator, cpu, workload, settings.serviceWarmUp());
        long requests = round.requests();
        for (int more = 0; !(requests >= STEADY_REQUESTS && round.jitSettled()); more++) {
            if (more == WORKLOAD_WARM_UP_ROUNDS) {
                log("  The JIT may still compile for %s; measuring anyway", workload.name());
                break;
            }
            round = warmUpRound(generator, cpu, workload, WORKLOAD_WARM_UP_ROUND);
            requests += round.requests();
            log("  %s: %,d requests so far; JIT compiler threads %.1f %% of one core over the last %d s",
                    workload.name(), requests, round.jitShare() * 100, WORKLOAD_WARM_UP_ROUND.toSeconds());
        }
        return workload;
    }

    /** One stretch of unmeasured load, with the share of one core the JIT's compiler threads used over it. */
    private WarmUpRound warmUpRound(LoadGenerator generator, CpuMeter cpu, Workload workload, Duration length)
            throws InterruptedException {
        CpuMeter.Sample before = cpu.sample();
        long started = System.nanoTime();
        LoadResult run = generator.run(workload, settings.twicePerCore(), Duration.ZERO, length, LoadGenerator.Window.NONE);
        return new WarmUpRound(run.ok() + run.unexpected(), jitShareSince(cpu, before, started));
    }

    private record WarmUpRound(long requests, double jitShare) {
        boolean jitSettled() {
            return Benchmark.jitSettled(jitShare);
        }
    }

    private static List<Supplier<Workload>> workloadsInOrder(AccountWorkloads workloads) {
        return List.of(workloads::registrations, workloads::logins, workloads::currentUser, workloads::duplicates);
    }

    private LoadResult measure(LoadGenerator generator, CpuMeter cpu, Workload workload, int concurrency)
            throws InterruptedException {
        return measure(generator, cpu, workload, concurrency, settings.window(), "");
    }

    /**
     * {@code BENCH_RATIO_TURNS} windows of the workload with the native ceiling measured before the first and after
     * each, so that every turn has a ceiling on either side of it: the host's speed drifts by 10-35 % within minutes,
     * and a single ceiling before and after a single window still left readings of 0.77 to 0.95 in three runs of the
     * same registration code. The turns make up the workload's result together.
     */
    private LoadResult measureInTurns(LoadGenerator generator, CpuMeter cpu, Workload workload, int concurrency,
                                      Runnable hashOnce) throws InterruptedException {
        int count = settings.ratioTurns();
        List<Double> ceilings = new ArrayList<>(List.of(adjacentCeiling(hashOnce, "before")));
        List<LoadResult> turns = new ArrayList<>();
        for (int turn = 1; turn <= count; turn++) {
            turns.add(measure(generator, cpu, workload, concurrency, settings.window(),
                    String.format(Locale.ROOT, "turn %d/%d ", turn, count)));
            ceilings.add(adjacentCeiling(hashOnce, "after " + turn));
        }
        BenchReport.AdjacentCeiling adjacent = new BenchReport.AdjacentCeiling(workload.name(), concurrency,
                settings.cores(), ceilings, turns);
        adjacentCeilings.add(adjacent);
        log("  %s ÷ the native ceiling around its turns: %.2f (turns %s; the hash's share of the machine %s, its speed"
                        + " against the ceiling %s)", workload.name(), adjacent.ratio(), adjacent.turnRatios(),
                adjacent.perTurn(adjacent::hashShare, 3), adjacent.perTurn(adjacent::hashSpeed, 2));
        return LoadResult.meanOf(turns);
    }

    private LoadResult measure(LoadGenerator generator, CpuMeter cpu, Workload workload, int concurrency,
                               Duration window, String label) throws InterruptedException {
        if (recorder != null) {
            recorder.start();
        }
        LoadResult result = generator.run(workload, concurrency, settings.warmUp(), window, cpu);
        if (recorder != null) {
            log("  recorded %s", recorder.stop(workload.name() + "-c" + concurrency + "-" + (++recordings)));
        }
        log("  %s%-9s c=%-3d %9.1f/s  p50 %8.2f ms  p99 %8.2f ms  cpu/request: jvm %.2f ms (jit %.2f, hash %.2f), "
                        + "pg %.2f ms, bench %.2f ms, machine %.2f ms%s",
                label, result.workload(), concurrency, result.perSecond(), result.p50Millis(), result.p99Millis(),
                result.jvmCpuMsPerRequest(), result.jitCpuMsPerRequest(), result.hashCpuMsPerRequest(),
                result.pgCpuMsPerRequest(), result.benchCpuMsPerRequest(), result.machineCpuMsPerRequest(),
                result.unexpected() == 0 ? "" : "  (" + result.unexpected() + " unexpected, first: " + result.firstProblem() + ")");
        return result;
    }

    private LoadResult trivialJson(List<String> javaOptions) throws Exception {
        log("Yardstick: a trivial JSON endpoint (embedded Tomcat + Spring MVC, its own JVM with the service's options)"
                + " at c=%d, median of three windows after its JIT settles", MANY_CLIENTS);
        LoadResult trivial = ReferencePoints.trivialJsonEndpoint(javaOptions, MANY_CLIENTS, settings.warmUp(),
                settings.window(), settings.jitSettle());
        log("  %.0f requests/s (issue: about %,.0f), p50 %.2f ms, p99 %.2f ms, JVM CPU %.3f ms/request",
                trivial.perSecond(), ReferencePoints.ISSUE_TRIVIAL_JSON_PER_SECOND, trivial.p50Millis(),
                trivial.p99Millis(), trivial.jvmCpuMsPerRequest());
        return trivial;
    }

    /**
     * The two yardsticks that need the running service's database and the sink: taken after the HTTP workloads (the
     * selects need their users) and before the drain, with the service idle.
     */
    private BenchReport.References references(LoadResult trivialJson, ServiceProcess service, SmtpSink sink)
            throws Exception {
        new OutboxBacklog(service.jdbcUrl()).awaitOtherMailSent(Duration.ofMinutes(2));
        log("Yardstick: primary-key selects on the service's PostgreSQL from %d connections", MANY_CLIENTS);
        double selects = ReferencePoints.primaryKeySelects(service.jdbcUrl(), MANY_CLIENTS, settings.warmUp(),
                settings.window());
        log("  %.0f selects/s (issue: about %,.0f)", selects, ReferencePoints.ISSUE_PRIMARY_KEY_SELECTS_PER_SECOND);
        log("Yardstick: simple-java-mail alone into the sink over %d kept-open connections", MAIL_CONNECTIONS);
        double mails = ReferencePoints.simpleJavaMailAlone(sink.port(), MAIL_CONNECTIONS, WARM_UP_MAILS,
                settings.backlog());
        log("  %.0f mails/s (issue: about %,.0f)", mails, ReferencePoints.ISSUE_SIMPLE_JAVA_MAIL_PER_SECOND);
        BenchReport.References references = new BenchReport.References(trivialJson, selects, mails);
        log("  the issue's request targets scale by ×%.2f on this machine, its mail target by ×%.2f",
                references.requestScale(), references.mailScale());
        return references;
    }

    private BenchReport.Drain drain(ServiceProcess service, SmtpSink sink) throws Exception {
        int count = settings.backlog();
        OutboxBacklog backlog = new OutboxBacklog(service.jdbcUrl());
        log("Outbox drain: waiting for earlier mail to go out, then %d queued welcome mails at once", count);
        backlog.awaitOtherMailSent(Duration.ofMinutes(2));
        backlog.insertNotYetDue(count);
        Thread.sleep(1000); // the sink sees nothing but the backlog from here on
        long before = sink.received();
        if (recorder != null) {
            recorder.start();
        }
        CpuMeter cpu = new CpuMeter(service.pid());
        CpuMeter.Sample cpuBefore = cpu.sample();
        long released = System.nanoTime();
        backlog.release();
        sink.awaitReceived(before + 1, Duration.ofSeconds(30));
        double first = (System.nanoTime() - released) / 1e9;
        boolean all = sink.awaitReceived(before + count, Duration.ofMinutes(3));
        double seconds = (System.nanoTime() - released) / 1e9;
        long arrived = sink.received() - before;
        CpuMeter.Used used = cpu.sample().minus(cpuBefore);
        if (recorder != null) {
            log("  recorded %s", recorder.stop("drain-" + (++recordings)));
        }
        BenchReport.Drain drain = new BenchReport.Drain(count, arrived, seconds, arrived / seconds, first);
        log("  %d of %d mails in %.1f s: %.0f mails/s (first after %.2f s)%s; cpu/mail: jvm %.2f ms, pg %.2f ms",
                arrived, count, seconds, drain.mailsPerSecond(), first, all ? "" : " — gave up waiting",
                used.jvmMillis() / Math.max(arrived, 1), used.postgresMillis() / Math.max(arrived, 1));
        return drain;
    }

    /**
     * Registrations with the sink answering at once and after the slow delay, in four turns: immediate, slow, slow,
     * immediate. With one turn a side, the slow one always second, the comparison measured the host's drift as much
     * as the mail server: the slow side hashed faster in eleven of the thirteen full runs of 2026-12-05 to 07, and its
     * p99 read up to 24 % faster. Each side is now the mean of its two turns, so a drift that runs one way through the
     * phase cancels. A slow turn leaves its welcome mails queued; they are sent before the last turn, so that its CPU
     * does not count the sending of another turn's mail.
     */
    private BenchReport.SlowSmtp slowSmtp(LoadGenerator generator, CpuMeter cpu, AccountWorkloads workloads,
                                          SmtpSink sink, ServiceProcess service) throws Exception {
        int concurrency = settings.twicePerCore();
        Duration delay = settings.slowSmtpDelay();
        log("Registration with the SMTP sink answering at once and after %d s per message (c=%d), in the turns "
                + "immediate, slow, slow, immediate", delay.toSeconds(), concurrency);
        // Six windows in all: the comparison is of p99s, and the p99 of one window's ~300 registrations moves by
        // about ten per cent from one run to the next on its own.
        Duration turn = settings.window().multipliedBy(3).dividedBy(2);
        LoadResult firstImmediate = registrationsWithSink(generator, cpu, workloads, sink, Duration.ZERO, turn);
        LoadResult firstSlow = registrationsWithSink(generator, cpu, workloads, sink, delay, turn);
        LoadResult secondSlow = registrationsWithSink(generator, cpu, workloads, sink, delay, turn);
        sink.answerAfter(Duration.ZERO);
        new OutboxBacklog(service.jdbcUrl()).awaitOtherMailSent(Duration.ofMinutes(2));
        LoadResult secondImmediate = registrationsWithSink(generator, cpu, workloads, sink, Duration.ZERO, turn);
        LoadResult immediate = LoadResult.meanOf(firstImmediate, secondImmediate);
        LoadResult delayed = LoadResult.meanOf(firstSlow, secondSlow);
        log("  immediate p99 %.2f ms, hash %.2f ms; after %d s p99 %.2f ms, hash %.2f ms (means of two turns)",
                immediate.p99Millis(), immediate.hashCpuMsPerRequest(), delay.toSeconds(), delayed.p99Millis(),
                delayed.hashCpuMsPerRequest());
        return new BenchReport.SlowSmtp(delay.toMillis() / 1000.0, immediate, delayed,
                delayed.p99Millis() / immediate.p99Millis() - 1);
    }

    private LoadResult registrationsWithSink(LoadGenerator generator, CpuMeter cpu, AccountWorkloads workloads,
                                             SmtpSink sink, Duration answerAfter, Duration turn)
            throws InterruptedException {
        sink.answerAfter(answerAfter);
        return measure(generator, cpu, workloads.registrations(), settings.twicePerCore(), turn,
                answerAfter.isZero() ? "immediate " : "slow ");
    }

    private static LoadResult find(List<LoadResult> load, String workload, int concurrency) {
        return load.stream().filter(r -> r.workload().equals(workload) && r.concurrency() == concurrency)
                .findFirst().orElseThrow();
    }

    private static String firstLogLine(Path log, String marker) throws IOException {
        return Files.readAllLines(log).stream().filter(line -> line.contains(marker))
                .map(line -> line.substring(line.indexOf(marker) + marker.length()).trim())
                .map(line -> line.replaceAll("[\"}]+$", ""))
                .findFirst().orElse("(not logged)");
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    static void log(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
