package dev.accounts.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.faults.harness.AccountsClient;
import dev.accounts.faults.harness.Database;
import dev.accounts.faults.harness.Eventually;
import dev.accounts.faults.harness.GreenMailServer;
import dev.accounts.faults.harness.Postgres;
import dev.accounts.faults.harness.Registration;
import dev.accounts.faults.harness.ReliabilityReport;
import dev.accounts.faults.harness.ServiceEnvironment;
import dev.accounts.faults.harness.ServiceProcess;
import dev.accounts.faults.harness.SharedPostgres;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Not in issue 4's list: added with the session cache (ADR 0013). Two instances on one database each keep the
 * sessions they authenticate in memory; a log-out, a profile change and a password change made through one are seen
 * by the other as soon as PostgreSQL's notification arrives, and by the one that made them in the very next request.
 */
@ExtendWith(SharedPostgres.class)
class Scenario11SessionsAcrossInstancesTest {

    /** A notification takes milliseconds; the bound leaves room for a loaded build machine. */
    private static final Duration NOTIFIED = Duration.ofSeconds(5);

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aChangeMadeThroughOneInstanceReachesTheSessionsTheOtherKeeps(Postgres postgres) {
        Database database = postgres.createDatabase("s11_sessions_across_instances");
        try (GreenMailServer smtp = GreenMailServer.start();
             ServiceProcess a = ServiceProcess.start("s11-a", ServiceEnvironment.of(database, smtp.port()).variables());
             ServiceProcess b = ServiceProcess.start("s11-b", ServiceEnvironment.of(database, smtp.port()).variables())) {
            AccountsClient onA = AccountsClient.of(a);
            AccountsClient onB = AccountsClient.of(b);
            Registration user = Registration.numbered("s11", 0);
            assertThat(onA.register(user).status()).isEqualTo(201);
            String loggingOut = onA.sessionOf(user.username(), user.password());
            String changingPassword = onB.sessionOf(user.username(), user.password());
            String ended = onA.sessionOf(user.username(), user.password());
            for (String session : new String[] {loggingOut, changingPassword, ended}) {
                // Kept in memory by both instances from here on.
                assertThat(onA.me(session).status()).isEqualTo(200);
                assertThat(onB.me(session).status()).isEqualTo(200);
            }

            assertThat(onA.saveFullName(loggingOut, "Alice Liddell").status()).isEqualTo(200);
            assertThat(fullName(onA, loggingOut)).as("the instance that saved it, next request").isEqualTo("Alice Liddell");
            Duration profileSeen = Eventually.await(NOTIFIED, "instance B shows the new profile",
                    () -> "Alice Liddell".equals(fullName(onB, loggingOut)), () -> onB.me(loggingOut).toString());

            assertThat(onA.logOut(loggingOut).status()).isEqualTo(204);
            assertThat(onA.me(loggingOut).status()).as("the instance that logged out, next request").isEqualTo(401);
            Duration logOutSeen = Eventually.await(NOTIFIED, "instance B refuses the logged-out token",
                    () -> onB.me(loggingOut).status() == 401, () -> onB.me(loggingOut).toString());

            assertThat(onB.changePassword(changingPassword, user.password(), user.password() + "-new").status())
                    .isEqualTo(204);
            assertThat(onB.me(ended).status()).as("the instance that changed it, next request").isEqualTo(401);
            Duration passwordSeen = Eventually.await(NOTIFIED, "instance A refuses the other session",
                    () -> onA.me(ended).status() == 401, () -> onA.me(ended).toString());
            assertThat(onA.me(changingPassword).status()).as("the session that changed it lives on").isEqualTo(200);

            assertThat(a.logLinesContaining("Session cache on")).as("instance A's cache hears").isEqualTo(1);
            assertThat(b.logLinesContaining("Session cache on")).as("instance B's cache hears").isEqualTo(1);
            ReliabilityReport.record(11, "sessions kept in memory by two instances",
                    "three sessions of one user used through both instances; profile saved, log-out and password"
                            + " change each made through one of them",
                    "the instance that made each change answered with it at once; the other within "
                            + profileSeen.toMillis() + " ms (profile), " + logOutSeen.toMillis() + " ms (log-out), "
                            + passwordSeen.toMillis() + " ms (sessions ended by the password change), asked every 100 ms"
                            + " from the moment the change was answered");
        }
    }

    private static String fullName(AccountsClient client, String session) {
        return client.me(session).json().get("profile").get("fullName").asString();
    }
}
