package dev.accounts.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.faults.harness.AccountsClient;
import dev.accounts.faults.harness.Answer;
import dev.accounts.faults.harness.Database;
import dev.accounts.faults.harness.Deliveries;
import dev.accounts.faults.harness.Eventually;
import dev.accounts.faults.harness.Latencies;
import dev.accounts.faults.harness.Load;
import dev.accounts.faults.harness.Postgres;
import dev.accounts.faults.harness.ReceivedMail;
import dev.accounts.faults.harness.Registration;
import dev.accounts.faults.harness.ReliabilityReport;
import dev.accounts.faults.harness.ScriptedSmtpServer;
import dev.accounts.faults.harness.ServiceEnvironment;
import dev.accounts.faults.harness.ServiceProcess;
import dev.accounts.faults.harness.SharedPostgres;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 4, scenario 3: the SMTP server takes seconds over each message. Registrations answer as fast as with a
 * prompt server, since none waits for mail; the backlog that builds up drains at the server's pace, each message
 * once.
 */
@ExtendWith(SharedPostgres.class)
class Scenario03SlowSmtpTest {

    private static final int WARM_UP = 10;
    private static final int BASELINE = 20;
    private static final int REGISTRATIONS = 10;
    private static final int CONCURRENCY = 2;
    private static final Duration SLOWNESS = Duration.ofMillis(1500);

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void registrationLatencyStaysAsWithAPromptServerAndTheBacklogDrains(Postgres postgres) {
        Database database = postgres.createDatabase("s03_slow_smtp");
        try (ScriptedSmtpServer smtp = ScriptedSmtpServer.start();
             ServiceProcess service = ServiceProcess.start("s03", ServiceEnvironment.of(database, smtp.port()).variables())) {
            AccountsClient client = AccountsClient.of(service);
            List<Answer> prompt = Load.run(WARM_UP + BASELINE, CONCURRENCY, Duration.ofSeconds(60),
                    i -> client.register(Registration.numbered("s03-prompt", i)));
            assertThat(prompt).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(201));
            Eventually.await(Duration.ofSeconds(30), "the baseline's mails arrive",
                    () -> smtp.deliveries().count() == WARM_UP + BASELINE, () -> smtp.deliveries().count() + " mails");
            Latencies baseline = Latencies.of(prompt.subList(WARM_UP, WARM_UP + BASELINE));

            smtp.delayEachMessage(SLOWNESS);
            List<Registration> registrations = IntStream.range(0, REGISTRATIONS)
                    .mapToObj(i -> Registration.numbered("s03-slow", i)).toList();
            long started = System.nanoTime();
            List<Answer> slow = Load.run(REGISTRATIONS, CONCURRENCY, Duration.ofSeconds(60), i -> client.register(registrations.get(i)));
            long backlog = database.number("SELECT count(*) FROM mail_outbox WHERE status = 'PENDING'");

            assertThat(slow).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(201));
            Latencies withSlowSmtp = Latencies.of(slow);
            assertThat(withSlowSmtp.p50()).as("median with a slow vs. a prompt SMTP server (%s)", baseline.summary())
                    .isLessThanOrEqualTo(baseline.p50().multipliedBy(2).plusMillis(50));
            assertThat(withSlowSmtp.p50()).as("registrations do not wait for a message").isLessThan(SLOWNESS);
            assertThat(backlog).as("mail queued up behind the slow server").isPositive();

            Eventually.await(SLOWNESS.multipliedBy(REGISTRATIONS).plusSeconds(20), "the backlog drains",
                    () -> smtp.deliveries().count() == WARM_UP + BASELINE + REGISTRATIONS,
                    () -> smtp.deliveries().count() + " mails");
            Duration drained = Duration.ofNanos(System.nanoTime() - started);
            Deliveries deliveries = smtp.deliveries();
            assertThat(registrations).allSatisfy(registration ->
                    assertThat(deliveries.to(registration.recipient(), ReceivedMail.WELCOME)).isEqualTo(1));
            assertThat(deliveries.duplicates()).isZero();
            assertThat(database.number("SELECT count(*) FROM mail_outbox WHERE status <> 'SENT'")).isZero();

            ReliabilityReport.record(3, "SMTP slow",
                    REGISTRATIONS + " registrations at concurrency " + CONCURRENCY + " while SMTP took "
                            + SLOWNESS.toMillis() + " ms per message",
                    REGISTRATIONS + "/" + REGISTRATIONS + " answered 201, " + withSlowSmtp.summary() + " (prompt SMTP: "
                            + baseline.summary() + "); backlog " + backlog + " mails, drained in " + drained.toMillis()
                            + " ms, " + deliveries.duplicates() + " duplicates");
        }
    }
}
