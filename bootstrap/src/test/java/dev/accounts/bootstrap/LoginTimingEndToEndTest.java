package dev.accounts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.port.in.RegisterUserCommand;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A failed login must not tell an unknown login from a wrong password or an inactive account: not by status, body
 * or headers, and not by time. Measures the median latency of each over warmed-up, interleaved requests; the
 * medians may differ by at most 10 %.
 */
class LoginTimingEndToEndTest {

    private static final int WARM_UP = 30;
    private static final int MEASURED = 150;
    private static final double MAX_GAP = 0.10;
    private static final int SMTP_PORT = RegistrationEndToEndTest.freePort();

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    @Test
    void unknownLoginWrongPasswordAndInactiveAccountFailAlikeAndEquallySlowly() throws Exception {
        // Throttling would turn these failures into 429s; this test is about what an unthrottled guess reveals.
        try (RunningService service = RunningService.start(SMTP_PORT, Map.of(
                "ACCOUNTS_THROTTLE_ACCOUNT_FREE_FAILURES", "1000000", "ACCOUNTS_THROTTLE_CLIENT_FREE_FAILURES", "1000000"))) {
            RegisterUserCommand active = register(service);
            RegisterUserCommand inactive = register(service);
            new JdbcTemplate(service.bean(DataSource.class))
                    .update("UPDATE users SET is_active = false WHERE username = ?", inactive.username());
            Map<String, Object> unknown = Map.of("login", "nobody_" + active.username(), "password", active.password());
            Map<String, Object> wrongPassword = Map.of("login", active.username(), "password", "not the password at all");
            Map<String, Object> inactiveAccount = Map.of("login", inactive.username(), "password", inactive.password());

            HttpResponse<String> first = service.call("POST", "/api/sessions", null, unknown);
            for (Map<String, Object> attempt : List.of(wrongPassword, inactiveAccount)) {
                HttpResponse<String> other = service.call("POST", "/api/sessions", null, attempt);
                assertThat(other.statusCode()).isEqualTo(401).isEqualTo(first.statusCode());
                assertThat(other.body()).isEqualTo(first.body());
                assertThat(headerNames(other)).isEqualTo(headerNames(first));
            }

            long[][] nanos = new long[3][MEASURED];
            List<Map<String, Object>> classes = List.of(unknown, wrongPassword, inactiveAccount);
            List<Integer> order = new ArrayList<>(List.of(0, 1, 2));
            java.util.Random shuffler = new java.util.Random(42);
            for (int round = -WARM_UP; round < MEASURED; round++) {
                // A fresh order each round: no class always runs first, right after another, or last.
                java.util.Collections.shuffle(order, shuffler);
                for (int c : order) {
                    long started = System.nanoTime();
                    assertThat(service.call("POST", "/api/sessions", null, classes.get(c)).statusCode()).isEqualTo(401);
                    if (round >= 0) {
                        nanos[c][round] = System.nanoTime() - started;
                    }
                }
            }
            double[] medians = Arrays.stream(nanos).mapToDouble(LoginTimingEndToEndTest::median).toArray();
            double fastest = Arrays.stream(medians).min().orElseThrow();
            double slowest = Arrays.stream(medians).max().orElseThrow();
            System.out.printf("login failure medians (ms): unknown %.2f, wrong password %.2f, inactive %.2f; gap %.1f %%%n",
                    medians[0] / 1e6, medians[1] / 1e6, medians[2] / 1e6, 100 * (slowest - fastest) / fastest);
            assertThat((slowest - fastest) / fastest).as("relative gap between the median latencies").isLessThanOrEqualTo(MAX_GAP);
        }
    }

    private static RegisterUserCommand register(RunningService service) {
        RegisterUserCommand user = Registrations.valid();
        assertThat(service.postJson("/api/users", Map.of("username", user.username(), "email", user.email(),
                "password", user.password())).statusCode()).isEqualTo(201);
        return user;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return (sorted[sorted.length / 2] + sorted[(sorted.length - 1) / 2]) / 2.0;
    }

    private static List<String> headerNames(HttpResponse<String> response) {
        return new ArrayList<>(response.headers().map().keySet().stream()
                .filter(name -> !name.equalsIgnoreCase("date")).sorted().toList());
    }
}
