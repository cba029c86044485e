package dev.accounts.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.faults.harness.AccountsClient;
import dev.accounts.faults.harness.Answer;
import dev.accounts.faults.harness.Database;
import dev.accounts.faults.harness.Deliveries;
import dev.accounts.faults.harness.Eventually;
import dev.accounts.faults.harness.GreenMailServer;
import dev.accounts.faults.harness.Latencies;
import dev.accounts.faults.harness.Load;
import dev.accounts.faults.harness.Postgres;
import dev.accounts.faults.harness.ReceivedMail;
import dev.accounts.faults.harness.Registration;
import dev.accounts.faults.harness.ReliabilityReport;
import dev.accounts.faults.harness.ServiceEnvironment;
import dev.accounts.faults.harness.ServiceProcess;
import dev.accounts.faults.harness.SharedPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 4, scenario 5: three instances on one database, each with its own outbox worker, all claiming from the
 * same table. Every sign-up is stored once and mailed once: {@code FOR UPDATE SKIP LOCKED} gives each row to one
 * worker.
 */
@ExtendWith(SharedPostgres.class)
class Scenario05ThreeInstancesTest {

    private static final int INSTANCES = 3;
    private static final int REGISTRATIONS = 600;
    private static final int CONCURRENCY = 12;

    @Test
    @Timeout(value = 420, unit = TimeUnit.SECONDS)
    void threeInstancesOnOneDatabaseStoreAndMailEachOfSixHundredSignUpsOnce(Postgres postgres) {
        Database database = postgres.createDatabase("s05_three_instances");
        try (GreenMailServer smtp = GreenMailServer.start()) {
            ServiceEnvironment environment = ServiceEnvironment.of(database, smtp.port()).with("ACCOUNTS_DB_POOL_SIZE", "5");
            List<ServiceProcess> instances = startThree(environment);
            try {
                List<AccountsClient> clients = instances.stream().map(AccountsClient::of).toList();
                List<Registration> registrations = IntStream.range(0, REGISTRATIONS)
                        .mapToObj(i -> Registration.numbered("s05", i)).toList();

                long started = System.nanoTime();
                List<Answer> answers = Load.run(REGISTRATIONS, CONCURRENCY, Duration.ofSeconds(300),
                        i -> clients.get(i % INSTANCES).register(registrations.get(i)));
                Duration registering = Duration.ofNanos(System.nanoTime() - started);

                assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(201));
                assertThat(database.number("SELECT count(*) FROM users")).isEqualTo(REGISTRATIONS);
                Duration mailed = Eventually.await(Duration.ofSeconds(60), "all " + REGISTRATIONS + " welcome mails arrive",
                        () -> smtp.deliveries().withSubject(ReceivedMail.WELCOME).size() >= REGISTRATIONS
                                && database.number("SELECT count(*) FROM mail_outbox WHERE status = 'SENT'") == REGISTRATIONS,
                        () -> smtp.deliveries().count() + " mails");
                Deliveries deliveries = smtp.deliveries();
                assertThat(deliveries.count()).isEqualTo(REGISTRATIONS);
                assertThat(deliveries.duplicates()).isZero();
                assertThat(deliveries.perRecipient()).hasSize(REGISTRATIONS).allSatisfy((recipient, count) ->
                        assertThat(count).as(recipient).isEqualTo(1));
                assertThat(deliveries.perRecipient().keySet())
                        .containsExactlyInAnyOrderElementsOf(registrations.stream().map(Registration::recipient).toList());
                assertThat(database.number("SELECT count(*) FROM mail_outbox WHERE attempts <> 1")).isZero();
                // The worker's line per message ("outcome=sent") shows how the three shared the work.
                String sentBy = instances.stream().map(instance -> instance.name() + " " + instance.logLinesContaining("outcome=sent"))
                        .collect(Collectors.joining(", "));

                ReliabilityReport.record(5, "Three instances, one database",
                        REGISTRATIONS + " registrations round-robin over " + INSTANCES + " instances at concurrency " + CONCURRENCY,
                        REGISTRATIONS + "/" + REGISTRATIONS + " answered 201 in " + registering.toMillis() + " ms ("
                                + Latencies.of(answers).summary() + "); " + REGISTRATIONS + " users, " + deliveries.count()
                                + " mails (" + deliveries.messageIds().size() + " distinct Message-IDs, each recipient once), "
                                + deliveries.duplicates() + " duplicates; sent by " + sentBy + "; the last mail arrived "
                                + mailed.toMillis() + " ms after the last answer");
            } finally {
                instances.forEach(ServiceProcess::close);
            }
        }
    }

    /**
     * The first alone, since it creates the schema; the other two together. If one does not start, those that did
     * are stopped before the failure is passed on.
     */
    private static List<ServiceProcess> startThree(ServiceEnvironment environment) {
        List<ServiceProcess> started = new ArrayList<>();
        started.add(ServiceProcess.start("s05-a", environment.variables()));
        List<CompletableFuture<ServiceProcess>> others = Stream.of("s05-b", "s05-c")
                .map(name -> CompletableFuture.supplyAsync(() -> ServiceProcess.start(name, environment.variables())))
                .toList();
        RuntimeException failure = null;
        for (CompletableFuture<ServiceProcess> other : others) {
            try {
                started.add(other.join());
            } catch (CompletionException e) {
                failure = e;
            }
        }
        if (failure != null) {
            started.forEach(ServiceProcess::close);
            throw failure;
        }
        return started;
    }
}
