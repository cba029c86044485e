package dev.accounts.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.faults.harness.AccountsClient;
import dev.accounts.faults.harness.Answer;
import dev.accounts.faults.harness.Database;
import dev.accounts.faults.harness.Deliveries;
import dev.accounts.faults.harness.Eventually;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 4, scenario 2: the SMTP server's replies decide what happens to a message. {@code 451} twice, then
 * acceptance: delivered on the third attempt. {@code 550}: dead after one attempt, its reason kept. The other
 * recipients, queued around them, are delivered once each on the first attempt.
 */
@ExtendWith(SharedPostgres.class)
class Scenario02SmtpRepliesTest {

    private static final int OTHERS = 8;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void a451IsRetriedUntilAcceptedWhileA550IsDeadAfterOneAttemptAndTheOthersAreUnaffected(Postgres postgres) {
        Database database = postgres.createDatabase("s02_smtp_replies");
        Registration deferred = Registration.numbered("s02-deferred", 0);
        Registration refused = Registration.numbered("s02-refused", 0);
        List<Registration> others = IntStream.range(0, OTHERS).mapToObj(i -> Registration.numbered("s02-other", i)).toList();
        List<Registration> everyone = new ArrayList<>(others.subList(0, OTHERS / 2));
        everyone.add(deferred);
        everyone.add(refused);
        everyone.addAll(others.subList(OTHERS / 2, OTHERS));

        try (ScriptedSmtpServer smtp = ScriptedSmtpServer.start();
             ServiceProcess service = ServiceProcess.start("s02", ServiceEnvironment.of(database, smtp.port()).variables())) {
            smtp.answerRecipients((recipient, attempt) -> {
                if (recipient.equals(deferred.recipient()) && attempt <= 2) {
                    return "451 4.3.0 Mailbox busy, try again later";
                }
                return recipient.equals(refused.recipient()) ? "550 5.1.1 No such user" : "250 2.1.5 OK";
            });
            AccountsClient client = AccountsClient.of(service);
            long queued = System.nanoTime();
            List<Answer> answers = Load.run(everyone.size(), 1, Duration.ofSeconds(30), i -> client.register(everyone.get(i)));
            assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(201));

            Eventually.await(Duration.ofSeconds(30), "the deferred mail is delivered",
                    () -> smtp.deliveries().to(deferred.recipient(), ReceivedMail.WELCOME) > 0,
                    () -> smtp.recipientCommands(deferred.recipient()) + " attempts");
            Eventually.await(Duration.ofSeconds(10), "the refused mail is dead and the others are sent",
                    () -> outcome(database, refused).get("status").equals("DEAD")
                            && others.stream().allMatch(other -> smtp.deliveries().to(other.recipient(), ReceivedMail.WELCOME) == 1),
                    () -> smtp.deliveries().count() + " mails");
            Deliveries deliveries = smtp.deliveries();

            assertThat(deliveries.to(deferred.recipient(), ReceivedMail.WELCOME)).isEqualTo(1);
            assertThat(smtp.recipientCommands(deferred.recipient())).isEqualTo(3);
            Map<String, Object> retried = outcome(database, deferred);
            assertThat(retried).containsEntry("status", "SENT").containsEntry("attempts", 3);

            assertThat(deliveries.to(refused.recipient(), "")).isZero();
            assertThat(smtp.recipientCommands(refused.recipient())).isEqualTo(1);
            Map<String, Object> dead = outcome(database, refused);
            assertThat(dead).containsEntry("status", "DEAD").containsEntry("attempts", 1);
            assertThat((String) dead.get("last_error")).startsWith("SMTP 550 after RCPT TO: 5.1.1 No such user");

            assertThat(others).allSatisfy(other -> {
                assertThat(deliveries.to(other.recipient(), ReceivedMail.WELCOME)).as(other.recipient()).isEqualTo(1);
                assertThat(outcome(database, other)).as(other.recipient()).containsEntry("status", "SENT").containsEntry("attempts", 1);
            });
            assertThat(deliveries.duplicates()).isZero();
            Duration total = Duration.ofNanos(System.nanoTime() - queued);

            ReliabilityReport.record(2, "SMTP 451 and 550",
                    everyone.size() + " registrations; one recipient answered 451 twice, one 550",
                    "451: delivered once on attempt 3, " + retried.get("delay_ms") + " ms after it was queued; "
                            + "550: dead after 1 attempt (\"" + dead.get("last_error") + "\"); " + OTHERS + "/" + OTHERS
                            + " others delivered once on attempt 1; all settled within " + total.toMillis() + " ms");
        }
    }

    private static Map<String, Object> outcome(Database database, Registration registration) {
        return database.rows("SELECT status, attempts, last_error,"
                        + " round(extract(epoch FROM sent_at - created_at) * 1000) AS delay_ms"
                        + " FROM mail_outbox WHERE recipient = ? AND template = 'WELCOME'",
                registration.email()).getFirst();
    }
}
