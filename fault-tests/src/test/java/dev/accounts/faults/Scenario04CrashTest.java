package dev.accounts.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.faults.harness.AccountsClient;
import dev.accounts.faults.harness.Answer;
import dev.accounts.faults.harness.ContinuousLoad;
import dev.accounts.faults.harness.ContinuousLoad.Attempt;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 4, scenario 4: {@code kill -9} of the service while sign-ups are being answered and mail is being sent,
 * twice, then a restart. A user is stored whole or not at all (user, profile, verification token and welcome mail
 * are one transaction); every stored user's welcome mail arrives once the claims of the dead instance run out;
 * a crash repeats at most the one message it interrupted between SMTP's acceptance and the outbox's record of it.
 */
@ExtendWith(SharedPostgres.class)
class Scenario04CrashTest {

    private static final int CRASHES = 2;
    private static final int CONCURRENCY = 6;
    private static final int SIGN_UPS_BEFORE_EACH_CRASH = 30;
    private static final int SIGN_UPS_AFTER = 20;
    /** Short, so the restarted instance takes over the dead one's claimed mail within seconds. */
    private static final String LEASE = "3s";
    /** Slower than sign-ups arrive, so the worker is mid-send with a backlog when the kill comes. */
    private static final Duration SMTP_TIME_PER_MESSAGE = Duration.ofMillis(50);

    @Test
    @Timeout(value = 420, unit = TimeUnit.SECONDS)
    void killedInstancesLeaveNoHalfWrittenUserAndEveryStoredUserGetsTheirWelcomeMail(Postgres postgres) {
        Database database = postgres.createDatabase("s04_crash");
        try (ScriptedSmtpServer smtp = ScriptedSmtpServer.start()) {
            smtp.delayEachMessage(SMTP_TIME_PER_MESSAGE);
            // Four lanes sending at once (the default, set here so the test keeps proving it): the acceptance gate
            // still lets only one message at a time be accepted by the server and not yet recorded, so a crash can
            // repeat at most one.
            ServiceEnvironment environment = ServiceEnvironment.of(database, smtp.port())
                    .with("ACCOUNTS_MAIL_LEASE", LEASE).with("ACCOUNTS_MAIL_SEND_PARALLELISM", "4");
            AtomicInteger numbers = new AtomicInteger();
            List<Attempt> attempts = new ArrayList<>();
            List<String> crashes = new ArrayList<>();

            for (int crash = 1; crash <= CRASHES; crash++) {
                ServiceProcess victim = ServiceProcess.start("s04-killed-" + crash, environment.variables());
                AccountsClient client = AccountsClient.of(victim);
                try (victim; ContinuousLoad load = ContinuousLoad.start(CONCURRENCY, numbers,
                        number -> client.register(Registration.numbered("s04", number)))) {
                    long before = attempts.stream().filter(attempt -> attempt.answer().status() == 201).count();
                    Eventually.await(Duration.ofSeconds(90), "sign-ups answered and mail claimed before the crash",
                            () -> load.count(answer -> answer.status() == 201) >= SIGN_UPS_BEFORE_EACH_CRASH
                                    && claimed(database) > 0,
                            () -> load.count(answer -> answer.status() == 201) + " answered 201, " + claimed(database) + " claimed");

                    load.stopSending();
                    victim.kill();
                    List<Attempt> these = load.finish(Duration.ofSeconds(30));
                    attempts.addAll(these);
                    long queued = database.number("SELECT count(*) FROM mail_outbox WHERE status = 'PENDING'");
                    long claimed = claimed(database);
                    assertEveryUserIsWhole(database);
                    assertThat(these.stream().map(Attempt::answer)).noneMatch(Answer::isServerError);
                    List<Registration> cutOff = these.stream().filter(attempt -> !attempt.answer().answered())
                            .map(attempt -> Registration.numbered("s04", attempt.number())).toList();
                    crashes.add("crash " + crash + ": " + cutOff.size() + " sign-ups in flight cut off ("
                            + committedAmong(database, cutOff) + " of them committed), " + queued
                            + " mails queued of which " + claimed + " claimed");
                    assertThat(attempts.stream().filter(attempt -> attempt.answer().status() == 201).count() - before)
                            .isGreaterThanOrEqualTo(SIGN_UPS_BEFORE_EACH_CRASH);
                }
            }

            try (ServiceProcess survivor = ServiceProcess.start("s04-restarted", environment.variables())) {
                long restarted = System.nanoTime();
                AccountsClient client = AccountsClient.of(survivor);
                List<Answer> after = Load.run(SIGN_UPS_AFTER, CONCURRENCY, Duration.ofSeconds(60),
                        i -> client.register(Registration.numbered("s04-after", i)));
                assertThat(after).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(201));

                Set<String> stored = new HashSet<>(database.strings("SELECT lower(email) FROM users"));
                assertThat(stored).as("every answered sign-up is stored").containsAll(attempts.stream()
                        .filter(attempt -> attempt.answer().status() == 201)
                        .map(attempt -> Registration.numbered("s04", attempt.number()).recipient()).toList());
                Eventually.await(Duration.ofSeconds(60), "every stored user's welcome mail arrives",
                        () -> smtp.deliveries().distinctPerRecipient(ReceivedMail.WELCOME).keySet().containsAll(stored),
                        () -> smtp.deliveries().count() + " mails for " + stored.size() + " users");
                Duration settled = Duration.ofNanos(System.nanoTime() - restarted);
                Eventually.await(Duration.ofSeconds(10), "the outbox records every mail as sent",
                        () -> database.number("SELECT count(*) FROM mail_outbox WHERE status <> 'SENT'") == 0,
                        () -> database.number("SELECT count(*) FROM mail_outbox WHERE status <> 'SENT'") + " not sent");
                assertEveryUserIsWhole(database);
                Deliveries deliveries = smtp.deliveries();
                assertThat(deliveries.duplicates()).as("repeated messages").isLessThanOrEqualTo(CRASHES);
                assertThat(deliveries.perRecipient().values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(2));

                ReliabilityReport.record(4, "kill -9",
                        CRASHES + "× kill -9 during sign-ups at concurrency " + CONCURRENCY + " with mail in flight"
                                + " (SMTP " + SMTP_TIME_PER_MESSAGE.toMillis() + " ms per message, four send lanes, lease " + LEASE
                                + "), then a restart",
                        String.join("; ", crashes) + "; " + stored.size() + " users stored, 0 half-written; "
                                + stored.size() + "/" + stored.size() + " welcome mails delivered within " + settled.toMillis()
                                + " ms of the restart, " + deliveries.duplicates() + " duplicates (limit " + CRASHES + ")");
            }
        }
    }

    /** One transaction writes the user, the verification token and the welcome mail (a new user has no profile row). */
    private static void assertEveryUserIsWhole(Database database) {
        assertThat(database.number("SELECT count(*) FROM users u WHERE NOT EXISTS (SELECT 1 FROM email_tokens t"
                + " WHERE t.user_id = u.id AND t.purpose = 'EMAIL_VERIFICATION')")).as("users without a verification token").isZero();
        assertThat(database.number("SELECT count(*) FROM users u WHERE NOT EXISTS (SELECT 1 FROM mail_outbox m"
                + " WHERE m.recipient = u.email AND m.template = 'WELCOME')")).as("users without a welcome mail").isZero();
        assertThat(database.number("SELECT count(*) FROM mail_outbox m WHERE m.template = 'WELCOME'"
                + " AND NOT EXISTS (SELECT 1 FROM users u WHERE u.email = m.recipient)")).as("welcome mails without a user").isZero();
        assertThat(database.number("SELECT count(*) FROM profiles p"
                + " WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = p.user_id)")).as("profiles without a user").isZero();
        assertThat(database.number("SELECT count(*) FROM email_tokens t"
                + " WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = t.user_id)")).as("tokens without a user").isZero();
        assertThat(database.number("SELECT count(*) FROM users u WHERE (SELECT count(*) FROM mail_outbox m"
                + " WHERE m.recipient = u.email AND m.template = 'WELCOME') > 1")).as("users with two welcome mails").isZero();
    }

    private static long claimed(Database database) {
        return database.number("SELECT count(*) FROM mail_outbox WHERE status = 'PENDING' AND locked_until > now()");
    }

    /** How many of these sign-ups, which got no answer, were stored anyway: committed just before the kill. */
    private static long committedAmong(Database database, List<Registration> unanswered) {
        return unanswered.stream()
                .filter(registration -> database.number("SELECT count(*) FROM users WHERE username = ?", registration.username()) == 1)
                .count();
    }
}
