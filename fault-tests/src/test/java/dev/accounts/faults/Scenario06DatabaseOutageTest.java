package dev.accounts.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.faults.harness.AccountsClient;
import dev.accounts.faults.harness.Answer;
import dev.accounts.faults.harness.ContinuousLoad;
import dev.accounts.faults.harness.ContinuousLoad.Attempt;
import dev.accounts.faults.harness.Eventually;
import dev.accounts.faults.harness.GreenMailServer;
import dev.accounts.faults.harness.Latencies;
import dev.accounts.faults.harness.Registration;
import dev.accounts.faults.harness.ReliabilityReport;
import dev.accounts.faults.harness.ServiceEnvironment;
import dev.accounts.faults.harness.ServiceProcess;
import dev.accounts.faults.harness.StoppablePostgres;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 4, scenario 6: PostgreSQL stops while sign-ups, log-ins and reads are being served. Meanwhile every request
 * fails fast with a 503 problem that gives nothing away, and readiness says 503; once PostgreSQL is back, the same
 * process serves again, without a restart, and the mail queued before and after goes out.
 */
class Scenario06DatabaseOutageTest {

    private static final int CONCURRENCY = 4;
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final Duration STEADY = Duration.ofSeconds(2);
    /**
     * Short: a message the worker had claimed when the database went away, whose outcome it could not record, goes
     * out again once its lease has run out.
     */
    private static final String LEASE = "5s";
    /** The pool waits 3 s for a connection before giving up; a little more for the rest of the request. */
    private static final Duration FAST = Duration.ofSeconds(5);

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void requestsFailFastWith503WhileTheDatabaseIsDownAndTheSameProcessServesAgainOnceItIsBack() throws InterruptedException {
        try (StoppablePostgres postgres = StoppablePostgres.start();
             GreenMailServer smtp = GreenMailServer.start();
             ServiceProcess service = ServiceProcess.start("s06", ServiceEnvironment.of(postgres.database(), smtp.port())
                     .with("ACCOUNTS_MAIL_LEASE", LEASE).variables())) {
            AccountsClient client = AccountsClient.of(service);
            Registration known = Registration.numbered("s06-known", 0);
            assertThat(client.register(known).status()).isEqualTo(201);
            String session = client.sessionOf(known.username(), known.password());
            IntFunction<Answer> mixed = number -> switch (number % 3) {
                case 0 -> client.register(Registration.numbered("s06", number));
                case 1 -> client.logIn(known.username(), known.password());
                default -> client.me(session);
            };

            OutageTimeline timeline;
            List<Attempt> attempts;
            try (ContinuousLoad load = ContinuousLoad.start(CONCURRENCY, new AtomicInteger(), mixed)) {
                timeline = stopAndStartUnderLoad(postgres, client);
                attempts = load.finish(Duration.ofSeconds(30));
            }
            long down = timeline.down();
            long back = timeline.back();
            long serving = timeline.serving();

            assertThat(timeline.liveDuringOutage().status()).as("liveness during the outage").isEqualTo(200);
            assertThat(attempts).allSatisfy(attempt -> assertThat(attempt.answer().answered()).as(attempt.toString()).isTrue());
            assertThat(attempts).allSatisfy(attempt -> assertThat(attempt.answer().status()).as(attempt.toString())
                    .isIn(200, 201, 503));
            List<Answer> duringOutage = attempts.stream().filter(attempt -> attempt.sentAt() > down
                    && attempt.sentAt() + attempt.answer().latency().toNanos() < back).map(Attempt::answer).toList();
            assertThat(duringOutage).hasSizeGreaterThanOrEqualTo(CONCURRENCY).allSatisfy(answer -> {
                assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
                assertThat(answer.contentType()).startsWith("application/problem+json");
                assertThat(answer.json().get("type").asString()).isEqualTo("/problems/service-unavailable");
                assertThat(answer.body()).doesNotContain("Exception", "\tat ", "org.", "java.", "SQL", "jdbc", "postgres");
                assertThat(answer.latency()).isLessThan(FAST);
            });
            List<Answer> afterwards = attempts.stream().filter(attempt -> attempt.sentAt() > serving).map(Attempt::answer).toList();
            assertThat(afterwards).isNotEmpty().allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isIn(200, 201));
            assertThat(service.isAlive()).isTrue();
            assertThat(service.logLinesContaining("Accounts is ready at")).as("starts of the process").isEqualTo(1);
            Duration mailed = Eventually.await(Duration.ofSeconds(45), "every queued mail is sent after the outage",
                    () -> postgres.database().number("SELECT count(*) FROM mail_outbox WHERE status <> 'SENT'") == 0,
                    () -> postgres.database().number("SELECT count(*) FROM mail_outbox WHERE status <> 'SENT'") + " not sent");
            // At most the message sent just before the outage whose outcome could not be recorded goes out twice.
            int duplicates = smtp.deliveries().duplicates();
            assertThat(duplicates).isLessThanOrEqualTo(1);

            ReliabilityReport.record(6, "PostgreSQL stopped under load",
                    "sign-ups, log-ins and reads at concurrency " + CONCURRENCY + "; PostgreSQL stopped for "
                            + OUTAGE.toSeconds() + " s, then started again",
                    duringOutage.size() + "/" + duringOutage.size() + " requests during the outage answered 503 problems"
                            + " without internals, " + Latencies.of(duringOutage).summary() + "; /health/ready 503 within "
                            + timeline.notReadyAfter().toMillis() + " ms, /health/live 200; ready again "
                            + timeline.readyAgainAfter().toMillis()
                            + " ms after PostgreSQL was back, same process, " + afterwards.size() + "/" + afterwards.size()
                            + " requests after it succeeded; queued mail all sent within " + mailed.toMillis() + " ms, "
                            + duplicates + " duplicates");
        }
    }

    /**
     * Moments of the outage by {@link System#nanoTime()}: PostgreSQL stopped ({@code down}), asked to start again
     * ({@code back}), and readiness 200 again ({@code serving}).
     */
    private record OutageTimeline(long down, long back, long serving, Duration notReadyAfter, Duration readyAgainAfter,
                                  Answer liveDuringOutage) {
    }

    /** Stops PostgreSQL under the running load, watches readiness turn, starts it again and waits until ready. */
    private static OutageTimeline stopAndStartUnderLoad(StoppablePostgres postgres, AccountsClient client) throws InterruptedException {
        Thread.sleep(STEADY);
        postgres.stop();
        long down = System.nanoTime();
        Duration notReady = Eventually.await(Duration.ofSeconds(10), "/health/ready answers 503",
                () -> client.get("/health/ready").status() == 503, () -> client.get("/health/ready").toString());
        Answer live = client.get("/health/live");
        Thread.sleep(OUTAGE.minus(Duration.ofNanos(System.nanoTime() - down)));
        long back = System.nanoTime();
        postgres.startAgain();
        Duration ready = Eventually.await(Duration.ofSeconds(30), "/health/ready answers 200 again",
                () -> client.get("/health/ready").status() == 200, () -> client.get("/health/ready").toString());
        long serving = System.nanoTime();
        Thread.sleep(STEADY);
        return new OutageTimeline(down, back, serving, notReady, ready, live);
    }
}
