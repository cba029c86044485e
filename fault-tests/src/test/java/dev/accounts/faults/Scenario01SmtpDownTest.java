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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 4, scenario 1: the SMTP server is down. Registrations answer 201 as fast as with it up, since they only
 * write the outbox; once it is back, every queued welcome mail arrives, each once.
 */
@ExtendWith(SharedPostgres.class)
class Scenario01SmtpDownTest {

    private static final int WARM_UP = 10;
    private static final int BASELINE = 20;
    private static final int REGISTRATIONS = 50;
    private static final int CONCURRENCY = 2;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void registrationsKeepTheirLatencyWhileSmtpIsDownAndEveryMailArrivesOnceWhenItIsBack(Postgres postgres) {
        Database database = postgres.createDatabase("s01_smtp_down");
        try (GreenMailServer smtp = GreenMailServer.start();
             ServiceProcess service = ServiceProcess.start("s01", ServiceEnvironment.of(database, smtp.port()).variables())) {
            AccountsClient client = AccountsClient.of(service);
            List<Answer> withSmtp = Load.run(WARM_UP + BASELINE, CONCURRENCY, Duration.ofSeconds(60),
                    i -> client.register(Registration.numbered("s01-up", i)));
            assertThat(withSmtp).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(201));
            Eventually.await(Duration.ofSeconds(30), "the baseline's mails arrive",
                    () -> smtp.deliveries().count() >= WARM_UP + BASELINE, () -> smtp.deliveries().count() + " mails");
            Latencies baseline = Latencies.of(withSmtp.subList(WARM_UP, WARM_UP + BASELINE));

            smtp.stop();
            List<Registration> registrations = IntStream.range(0, REGISTRATIONS)
                    .mapToObj(i -> Registration.numbered("s01-down", i)).toList();
            List<Answer> withoutSmtp = Load.run(REGISTRATIONS, CONCURRENCY, Duration.ofSeconds(60),
                    i -> client.register(registrations.get(i)));

            assertThat(withoutSmtp).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(201));
            Latencies outage = Latencies.of(withoutSmtp);
            assertThat(outage.p50()).as("median with SMTP down vs. up (%s)", baseline.summary())
                    .isLessThanOrEqualTo(baseline.p50().multipliedBy(2).plusMillis(50));
            Eventually.await(Duration.ofSeconds(10), "the worker has tried and failed to send",
                    () -> database.number("SELECT count(*) FROM mail_outbox WHERE recipient LIKE 's01-down-%'"
                            + " AND status = 'PENDING' AND last_error LIKE 'could not connect%'") > 0, () -> "none failed yet");
            assertThat(smtp.deliveries().count()).isEqualTo(WARM_UP + BASELINE);

            smtp.startAgain();
            Duration drained = Eventually.await(Duration.ofSeconds(60), "every queued welcome mail arrives",
                    () -> smtp.deliveries().distinctPerRecipient(ReceivedMail.WELCOME).keySet().containsAll(
                            registrations.stream().map(Registration::recipient).toList()),
                    () -> smtp.deliveries().count() + " mails");
            Deliveries deliveries = smtp.deliveries();
            assertThat(registrations).allSatisfy(registration ->
                    assertThat(deliveries.to(registration.recipient(), "")).as(registration.recipient()).isEqualTo(1));
            assertThat(deliveries.duplicates()).isZero();
            assertThat(database.number("SELECT count(*) FROM mail_outbox WHERE status <> 'SENT'")).isZero();
            long retried = database.number("SELECT count(*) FROM mail_outbox WHERE recipient LIKE 's01-down-%' AND attempts > 1");

            ReliabilityReport.record(1, "SMTP down",
                    REGISTRATIONS + " registrations at concurrency " + CONCURRENCY + " while SMTP refused connections",
                    REGISTRATIONS + "/" + REGISTRATIONS + " answered 201, " + outage.summary() + " (SMTP up: "
                            + baseline.summary() + "); SMTP back: " + REGISTRATIONS + "/" + REGISTRATIONS
                            + " mails arrived in " + drained.toMillis() + " ms (" + retried + " after retries), "
                            + deliveries.duplicates() + " duplicates");
        }
    }
}
