package dev.accounts.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.faults.harness.AccountsClient;
import dev.accounts.faults.harness.Answer;
import dev.accounts.faults.harness.Database;
import dev.accounts.faults.harness.Eventually;
import dev.accounts.faults.harness.GreenMailServer;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 4, scenario 7: the same thing asked for many times at the same instant, over HTTP, from separate
 * connections. Exactly one request wins each race; the others get a 4xx saying why; none gets a 5xx.
 */
@ExtendWith(SharedPostgres.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class Scenario07RacesTest {

    private static final int REGISTRATION_RACERS = 50;
    private static final int TOKEN_RACERS = 16;

    private final Map<String, String> figures = new TreeMap<>();
    private Database database;
    private GreenMailServer smtp;
    private ServiceProcess service;
    private AccountsClient client;

    @BeforeAll
    void start(Postgres postgres) {
        database = postgres.createDatabase("s07_races");
        smtp = GreenMailServer.start();
        // The password-change losers' current password is wrong by the time it is checked: those failures must not
        // throttle the account or the test's address, or the winner's log-in afterwards would be refused.
        service = ServiceProcess.start("s07", ServiceEnvironment.of(database, smtp.port())
                .with("ACCOUNTS_THROTTLE_ACCOUNT_FREE_FAILURES", "1000")
                .with("ACCOUNTS_THROTTLE_CLIENT_FREE_FAILURES", "1000").variables());
        client = AccountsClient.of(service);
    }

    @AfterAll
    void stop() {
        try {
            service.close();
            smtp.close();
        } finally {
            ReliabilityReport.record(7, "Races", REGISTRATION_RACERS + " parallel registrations of one username and of one "
                    + "address in different case; " + TOKEN_RACERS + " parallel uses of one verification and one reset token; "
                    + TOKEN_RACERS + " parallel password changes", String.join("; ", figures.values()));
        }
    }

    @Test
    void oneOfFiftyRegistrationsOfOneUsernameWins() {
        List<Answer> answers = Load.together(REGISTRATION_RACERS, Duration.ofSeconds(45), i -> client.register(
                new Registration("s07-taken", "s07-taken-" + i + "@example.com", Registration.PASSWORD)));

        assertThat(statuses(answers)).containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 409, (long) REGISTRATION_RACERS - 1));
        assertThat(database.number("SELECT count(*) FROM users WHERE lower(username) = 's07-taken'")).isEqualTo(1);
        figures.put("1 username", "one username: " + describe(answers));
    }

    @Test
    void oneOfFiftyRegistrationsOfOneAddressInDifferentCaseWins() {
        List<Answer> answers = Load.together(REGISTRATION_RACERS, Duration.ofSeconds(45), i -> client.register(
                new Registration("s07-mixed-" + i, mixedCase("s07-shared@example.com", i), Registration.PASSWORD)));

        assertThat(statuses(answers)).containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 409, (long) REGISTRATION_RACERS - 1));
        assertThat(database.number("SELECT count(*) FROM users WHERE lower(email) = 's07-shared@example.com'")).isEqualTo(1);
        figures.put("2 address", "one address: " + describe(answers));
    }

    @Test
    void oneOfSixteenUsesOfOneVerificationTokenWins() {
        Registration owner = Registration.numbered("s07-verify", 0);
        assertThat(client.register(owner).status()).isEqualTo(201);
        String token = mailedToken(owner, ReceivedMail.WELCOME);

        List<Answer> answers = Load.together(TOKEN_RACERS, Duration.ofSeconds(30), i -> client.verifyEmail(token));

        assertThat(statuses(answers)).containsExactlyInAnyOrderEntriesOf(Map.of(200, 1L, 400, (long) TOKEN_RACERS - 1));
        assertThat(database.number("SELECT count(*) FROM users WHERE username = ? AND email_verified", owner.username())).isEqualTo(1);
        figures.put("3 verification", "verification token: " + describe(answers));
    }

    @Test
    void oneOfSixteenUsesOfOneResetTokenWins() {
        Registration owner = Registration.numbered("s07-reset", 0);
        assertThat(client.register(owner).status()).isEqualTo(201);
        assertThat(client.requestPasswordReset(owner.email()).status()).isEqualTo(202);
        String token = mailedToken(owner, ReceivedMail.PASSWORD_RESET);

        List<Answer> answers = Load.together(TOKEN_RACERS, Duration.ofSeconds(30),
                i -> client.confirmPasswordReset(token, "reset racer number " + i + " wins"));

        assertThat(statuses(answers)).containsExactlyInAnyOrderEntriesOf(Map.of(204, 1L, 400, (long) TOKEN_RACERS - 1));
        int winner = winnerOf(answers, 204);
        assertThat(client.logIn(owner.username(), "reset racer number " + winner + " wins").status()).isEqualTo(201);
        figures.put("4 reset", "reset token: " + describe(answers));
    }

    @Test
    void oneOfSixteenParallelPasswordChangesWins() {
        Registration owner = Registration.numbered("s07-change", 0);
        assertThat(client.register(owner).status()).isEqualTo(201);
        String session = client.sessionOf(owner.username(), owner.password());

        List<Answer> answers = Load.together(TOKEN_RACERS, Duration.ofSeconds(30),
                i -> client.changePassword(session, owner.password(), "changed by racer number " + i));

        assertThat(answers).noneMatch(Answer::isServerError).allMatch(Answer::answered);
        assertThat(answers.stream().filter(answer -> answer.status() == 204)).as(describe(answers)).hasSize(1);
        // The losers knew a password that was no longer current by the time their change would have applied.
        assertThat(answers.stream().filter(answer -> answer.status() != 204))
                .allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(403));
        int winner = winnerOf(answers, 204);
        assertThat(client.logIn(owner.username(), "changed by racer number " + winner).status()).isEqualTo(201);
        figures.put("5 password", "password change: " + describe(answers));
    }

    private String mailedToken(Registration owner, String subject) {
        Eventually.await(Duration.ofSeconds(15), "the mail '" + subject + "' to " + owner.recipient() + " arrives",
                () -> smtp.deliveries().to(owner.recipient(), subject) > 0, () -> smtp.deliveries().count() + " mails");
        return smtp.deliveries().withSubject(subject).stream()
                .filter(mail -> mail.recipient().equals(owner.recipient()))
                .reduce((first, second) -> second).flatMap(ReceivedMail::linkToken)
                .orElseThrow(() -> new AssertionError("no link token in the mail to " + owner.recipient()));
    }

    private static Map<Integer, Long> statuses(List<Answer> answers) {
        return answers.stream().collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));
    }

    private static int winnerOf(List<Answer> answers, int status) {
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i).status() == status) {
                return i;
            }
        }
        throw new AssertionError("no " + status + " among " + answers);
    }

    /** {@code statuses} as "1×201, 49×409, 0×5xx". */
    private static String describe(List<Answer> answers) {
        Map<Integer, Long> counted = statuses(answers);
        long serverErrors = answers.stream().filter(Answer::isServerError).count();
        return counted.entrySet().stream().map(entry -> entry.getValue() + "×" + entry.getKey())
                .collect(Collectors.joining(", ")) + (serverErrors == 0 ? ", 0×5xx" : "");
    }

    /** The address with its letters' case set by the bits of {@code variant}, so each racer writes it differently. */
    private static String mixedCase(String address, int variant) {
        StringBuilder mixed = new StringBuilder(address.length());
        int bit = 0;
        for (char c : address.toCharArray()) {
            if (Character.isLetter(c)) {
                mixed.append(((variant >> (bit++ % 10)) & 1) == 1 ? Character.toUpperCase(c) : c);
            } else {
                mixed.append(c);
            }
        }
        return mixed.toString();
    }
}
