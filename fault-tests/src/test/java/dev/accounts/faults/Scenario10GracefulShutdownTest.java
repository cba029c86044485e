package dev.accounts.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.faults.harness.AccountsClient;
import dev.accounts.faults.harness.ContinuousLoad;
import dev.accounts.faults.harness.ContinuousLoad.Attempt;
import dev.accounts.faults.harness.Database;
import dev.accounts.faults.harness.Eventually;
import dev.accounts.faults.harness.Postgres;
import dev.accounts.faults.harness.Registration;
import dev.accounts.faults.harness.ReliabilityReport;
import dev.accounts.faults.harness.ScriptedSmtpServer;
import dev.accounts.faults.harness.ServiceEnvironment;
import dev.accounts.faults.harness.ServiceProcess;
import dev.accounts.faults.harness.SharedPostgres;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 4, scenario 10: SIGTERM while sign-ups are being answered and the outbox worker is mid-batch. Every request
 * sent before the signal gets its answer; the worker finishes its round and records it, so no claimed row is left
 * leased: the next instance to start sends what is left at once instead of after the two-minute lease.
 */
@ExtendWith(SharedPostgres.class)
class Scenario10GracefulShutdownTest {

    private static final int CONCURRENCY = 16;
    private static final int SIGN_UPS_BEFORE_THE_SIGNAL = 40;
    /** Slower than sign-ups arrive, so the worker holds a claimed batch when the signal comes. */
    private static final Duration SMTP_TIME_PER_MESSAGE = Duration.ofMillis(250);

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void sigtermLetsInFlightRequestsFinishAndLeavesNoClaimedMailLocked(Postgres postgres) {
        Database database = postgres.createDatabase("s10_sigterm");
        // The default lease (2 min): a row left claimed by the stopped instance would hold up its mail that long.
        try (ScriptedSmtpServer smtp = ScriptedSmtpServer.start();
             ServiceProcess service = ServiceProcess.start("s10-stopped", ServiceEnvironment.of(database, smtp.port()).variables())) {
            smtp.delayEachMessage(SMTP_TIME_PER_MESSAGE);
            AccountsClient client = AccountsClient.of(service);
            long signal;
            long claimedAtSignal;
            int exitCode;
            Duration stopping;
            List<Attempt> attempts;
            try (ContinuousLoad load = ContinuousLoad.start(CONCURRENCY, new AtomicInteger(),
                    number -> client.register(Registration.numbered("s10", number)))) {
                Eventually.await(Duration.ofSeconds(90), "sign-ups answered and mail claimed",
                        () -> load.count(answer -> answer.status() == 201) >= SIGN_UPS_BEFORE_THE_SIGNAL && claimed(database) > 0,
                        () -> load.count(answer -> answer.status() == 201) + " answered, " + claimed(database) + " claimed");

                load.stopSending();
                claimedAtSignal = claimed(database);
                signal = System.nanoTime();
                exitCode = service.terminate();
                stopping = Duration.ofNanos(System.nanoTime() - signal);
                attempts = load.finish(Duration.ofSeconds(30));
            }

            List<Attempt> inFlight = attempts.stream()
                    .filter(attempt -> attempt.sentAt() < signal && attempt.sentAt() + attempt.answer().latency().toNanos() > signal)
                    .toList();
            assertThat(attempts.stream().filter(attempt -> attempt.sentAt() < signal)).allSatisfy(attempt ->
                    assertThat(attempt.answer().status()).as(attempt.toString()).isEqualTo(201));
            // A request that raced the signal may have found the port closed; then it must have left nothing behind.
            List<Attempt> late = attempts.stream().filter(attempt -> attempt.sentAt() >= signal).toList();
            assertThat(late.stream().filter(attempt -> !attempt.answer().answered())).allSatisfy(attempt ->
                    assertThat(database.number("SELECT count(*) FROM users WHERE username = ?",
                            Registration.numbered("s10", attempt.number()).username())).isZero());
            assertThat(exitCode).as("exit code after SIGTERM").isIn(0, 143);
            assertThat(database.number("SELECT count(*) FROM mail_outbox WHERE locked_until IS NOT NULL"))
                    .as("claimed outbox rows left locked").isZero();
            long queuedAtStop = database.number("SELECT count(*) FROM mail_outbox WHERE status = 'PENDING'");

            ReliabilityReport.record(10, "SIGTERM under load",
                    "SIGTERM during sign-ups at concurrency " + CONCURRENCY + " with the worker mid-batch (SMTP "
                            + SMTP_TIME_PER_MESSAGE.toMillis() + " ms per message)",
                    inFlight.size() + "/" + inFlight.size() + " requests in flight at the signal answered 201, 0 resets; "
                            + "stopped in " + stopping.toMillis() + " ms (exit " + exitCode + "); " + claimedAtSignal
                            + " rows claimed at the signal, 0 left locked; " + queuedAtStop
                            + " mails left queued for the next start, none of them leased");
        }
    }

    private static long claimed(Database database) {
        return database.number("SELECT count(*) FROM mail_outbox WHERE status = 'PENDING' AND locked_until > now()");
    }
}
