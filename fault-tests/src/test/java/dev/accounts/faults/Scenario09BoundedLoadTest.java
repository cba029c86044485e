package dev.accounts.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.accounts.faults.harness.AccountsClient;
import dev.accounts.faults.harness.Answer;
import dev.accounts.faults.harness.Database;
import dev.accounts.faults.harness.GreenMailServer;
import dev.accounts.faults.harness.Latencies;
import dev.accounts.faults.harness.LivenessProbe;
import dev.accounts.faults.harness.Load;
import dev.accounts.faults.harness.Postgres;
import dev.accounts.faults.harness.ProcessFigures;
import dev.accounts.faults.harness.Registration;
import dev.accounts.faults.harness.ReliabilityReport;
import dev.accounts.faults.harness.ServiceEnvironment;
import dev.accounts.faults.harness.ServiceProcess;
import dev.accounts.faults.harness.SharedPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 4, scenario 9: a minute of mixed traffic (sign-ups, log-ins, reads of the signed-in user, password changes)
 * from 64 clients at once, after a few seconds of the same mix from 8 clients to warm the service up. No request fails
 * with a 5xx; the live heap (after a full collection) and the thread count stay flat from the first half to the
 * second; {@code /health/live} answers within 100 ms throughout. The length is the system property
 * {@code faults.load.seconds} (60 by default, as in CI).
 */
@ExtendWith(SharedPostgres.class)
class Scenario09BoundedLoadTest {

    private static final int CONCURRENCY = 64;
    private static final Duration DURATION = Duration.ofSeconds(Long.getLong("faults.load.seconds", 60));
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final int WARM_UP_CLIENTS = 8;
    private static final Duration RAMP_UP = Duration.ofSeconds(2);
    private static final Duration LIVE_WITHIN = Duration.ofMillis(100);
    private static final Duration PROBE_EVERY = Duration.ofMillis(250);
    /** Live-heap growth from the first half's end to the second's that still counts as flat. */
    private static final long HEAP_SLACK_BYTES = 24L * 1024 * 1024;
    /** Threads the JVM may add on its own late (a compiler thread, say) without it being a leak. */
    private static final int THREAD_SLACK = 8;

    private enum Operation { REGISTER, LOG_IN, READ_ME, CHANGE_PASSWORD }

    /** One client's own account, whose password and session change as it goes. */
    private static final class Account {
        final int number;
        final Registration registration;
        String password;
        String session;
        int changes;

        Account(int number) {
            this.number = number;
            this.registration = Registration.numbered("s09-own", number);
            this.password = registration.password();
        }
    }

    @Test
    void aMinuteOfMixedTrafficAtConcurrency64GivesNo5xxAndKeepsHeapThreadsAndLivenessSteady(Postgres postgres) {
        assertTimeoutPreemptively(DURATION.plusSeconds(240), () -> run(postgres));
    }

    private void run(Postgres postgres) throws Exception {
        Database database = postgres.createDatabase("s09_bounded_load");
        try (GreenMailServer smtp = GreenMailServer.start();
             ServiceProcess service = ServiceProcess.start("s09", ServiceEnvironment.of(database, smtp.port()).variables())) {
            AccountsClient client = AccountsClient.of(service);
            List<Account> accounts = Load.run(CONCURRENCY, 8, Duration.ofSeconds(90), i -> {
                Account account = new Account(i);
                Answer registered = client.register(account.registration);
                assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
                account.session = client.sessionOf(account.registration.username(), account.password);
                return account;
            });

            Map<String, AtomicInteger> unexpected = new ConcurrentHashMap<>();
            AtomicInteger signUps = new AtomicInteger();
            // Not measured: every operation's code is compiled and the pools have grown before the minute starts.
            Load.run(WARM_UP_CLIENTS, WARM_UP_CLIENTS, WARM_UP.plusSeconds(60), i -> {
                long until = System.nanoTime() + WARM_UP.toNanos();
                while (System.nanoTime() < until) {
                    act(client, accounts.get(i), signUps, latencyPerOperation(), unexpected);
                }
                return accounts.get(i);
            });
            Map<Operation, Latencies> latencies = latencyPerOperation();
            long start = System.nanoTime();
            long half = start + DURATION.toNanos() / 2;
            long end = start + DURATION.toNanos();

            Watched watched = new Watched();
            try (ExecutorService clients = Executors.newFixedThreadPool(CONCURRENCY + 1)) {
                List<Future<?>> loops = new ArrayList<>();
                for (Account account : accounts) {
                    // Clients join one after the other over the ramp-up, as real ones do, rather than in one burst.
                    long joinAt = start + RAMP_UP.toNanos() * account.number / CONCURRENCY;
                    loops.add(clients.submit(() -> {
                        sleep(Duration.ofNanos(Math.max(0, joinAt - System.nanoTime())));
                        while (System.nanoTime() < end) {
                            act(client, account, signUps, latencies, unexpected);
                        }
                    }));
                }
                loops.add(clients.submit(() -> watch(service, start, half, end, watched)));
                for (Future<?> loop : loops) {
                    loop.get();
                }
            }

            int total = latencies.values().stream().mapToInt(Latencies::count).sum();
            assertThat(unexpected).as("answers other than the expected ones, by operation and status").isEmpty();
            Latencies live = watched.live;
            assertThat(watched.slowProbes).as("/health/live probes slower than %s or failed, of %s (%s); see %s",
                    LIVE_WITHIN.toMillis() + " ms", live.count(), live.summary(), service.log()).isEmpty();
            int threadsFirst = watched.firstHalf.stream().mapToInt(ProcessFigures::threads).max().orElseThrow();
            int threadsSecond = watched.secondHalf.stream().mapToInt(ProcessFigures::threads).max().orElseThrow();
            assertThat(threadsSecond).as("threads, second half vs. first").isLessThanOrEqualTo(threadsFirst + THREAD_SLACK);
            assertThat(watched.liveHeapAtEnd).as("live heap at the end vs. half-way")
                    .isLessThanOrEqualTo(watched.liveHeapHalfWay + HEAP_SLACK_BYTES);
            long rssFirst = watched.firstHalf.stream().mapToLong(ProcessFigures::residentMegabytes).max().orElseThrow();
            long rssSecond = watched.secondHalf.stream().mapToLong(ProcessFigures::residentMegabytes).max().orElseThrow();

            String perOperation = latencies.entrySet().stream()
                    .map(entry -> entry.getKey().name().toLowerCase().replace('_', ' ') + " " + entry.getValue().count()
                            + " (" + entry.getValue().summary() + ")")
                    .collect(Collectors.joining(", "));
            ReliabilityReport.record(9, "Bounded load",
                    DURATION.toSeconds() + " s of sign-ups, log-ins, reads and password changes from " + CONCURRENCY
                            + " clients (joining over the first " + RAMP_UP.toSeconds() + " s, after a " + WARM_UP.toSeconds()
                            + " s warm-up from " + WARM_UP_CLIENTS + ")",
                    total + " requests, 0 5xx: " + perOperation + "; /health/live " + live.count() + " probes, "
                            + live.summary() + "; live heap " + megabytes(watched.liveHeapHalfWay) + " → "
                            + megabytes(watched.liveHeapAtEnd) + " MB, threads " + threadsFirst + " → " + threadsSecond + ", RSS " + rssFirst + " → "
                            + rssSecond + " MB (max of each half)");
        }
    }

    /** What the watcher saw; read once the watcher's future has completed. */
    private static final class Watched {
        final Latencies live = new Latencies();
        final List<String> slowProbes = new ArrayList<>();
        final List<ProcessFigures> firstHalf = new ArrayList<>();
        final List<ProcessFigures> secondHalf = new ArrayList<>();
        long liveHeapHalfWay;
        long liveHeapAtEnd;
    }

    /**
     * Probes liveness four times a second, reads the process's figures every second, and measures the live heap
     * half-way and at the end; the heap's full collections never overlap a probe, both being done on this thread.
     */
    private static void watch(ServiceProcess service, long start, long half, long end, Watched watched) {
        try (LivenessProbe prober = new LivenessProbe(service.url())) {
            long nextFigures = System.nanoTime();
            boolean halfMeasured = false;
            while (System.nanoTime() < end) {
                Answer probe = prober.probe();
                watched.live.add(probe.latency());
                if (probe.status() != 200 || probe.latency().compareTo(LIVE_WITHIN) >= 0) {
                    watched.slowProbes.add(String.format("%.1f s into the load (service uptime %.1f s): %s",
                            (System.nanoTime() - start) / 1e9, service.uptime().toMillis() / 1e3, probe));
                }
                if (System.nanoTime() >= nextFigures) {
                    (System.nanoTime() < half ? watched.firstHalf : watched.secondHalf).add(service.figures());
                    nextFigures += Duration.ofSeconds(1).toNanos();
                }
                if (!halfMeasured && System.nanoTime() >= half) {
                    watched.liveHeapHalfWay = service.liveHeapBytes();
                    halfMeasured = true;
                }
                sleep(PROBE_EVERY);
            }
            watched.liveHeapAtEnd = service.liveHeapBytes();
        }
    }

    private static void act(AccountsClient client, Account account, AtomicInteger signUps,
                            Map<Operation, Latencies> latencies, Map<String, AtomicInteger> unexpected) {
        int dice = ThreadLocalRandom.current().nextInt(100);
        Operation operation = dice < 20 ? Operation.REGISTER : dice < 45 ? Operation.LOG_IN
                : dice < 90 ? Operation.READ_ME : Operation.CHANGE_PASSWORD;
        String login = account.registration.username();
        Answer answer = switch (operation) {
            case REGISTER -> client.register(Registration.numbered("s09", signUps.getAndIncrement()));
            case LOG_IN -> client.logIn(login, account.password);
            case READ_ME -> client.me(account.session);
            case CHANGE_PASSWORD -> {
                // Neither the username nor the service name may be part of a password.
                String next = "steady load passphrase " + account.number + "." + (++account.changes);
                Answer changed = client.changePassword(account.session, account.password, next);
                if (changed.status() == 204) {
                    account.password = next;
                }
                yield changed;
            }
        };
        latencies.get(operation).add(answer.latency());
        int expected = switch (operation) {
            case REGISTER, LOG_IN -> 201;
            case READ_ME -> 200;
            case CHANGE_PASSWORD -> 204;
        };
        if (answer.status() != expected) {
            unexpected.computeIfAbsent(operation + " " + (answer.answered() ? answer.status() : answer.failure()),
                    key -> new AtomicInteger()).incrementAndGet();
        }
    }

    private static Map<Operation, Latencies> latencyPerOperation() {
        Map<Operation, Latencies> latencies = new EnumMap<>(Operation.class);
        for (Operation operation : Operation.values()) {
            latencies.put(operation, new Latencies());
        }
        return latencies;
    }

    private static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
