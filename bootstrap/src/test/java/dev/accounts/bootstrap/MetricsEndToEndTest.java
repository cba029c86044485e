package dev.accounts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.port.in.RegisterUserCommand;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /metrics} as a Prometheus scraper sees it, behind the optional bearer token: the security events move the
 * counters, and the outbox, pool, JVM, process and Tomcat series are there. Every exchange is checked against the
 * OpenAPI document, but for the probe of a path that exists nowhere, which no document can describe.
 */
class MetricsEndToEndTest {

    private static final String TOKEN = "scraper-" + UUID.randomUUID();

    @RegisterExtension
    static final ServiceWithMail ACCOUNTS = ServiceWithMail.withSettings(Map.of("ACCOUNTS_METRICS_TOKEN", TOKEN));

    @Test
    void countsARegistrationAFailedAndAGoodLoginAndTheWelcomeMailSent() throws Exception {
        PrometheusText before = scrape();
        RegisterUserCommand user = Registrations.valid();

        assertThat(service().postJson("/api/users", Map.of("username", user.username(), "email", user.email(),
                "password", user.password())).statusCode()).isEqualTo(201);
        assertThat(logIn(user.username(), "not the password at all").statusCode()).isEqualTo(401);
        assertThat(logIn(user.email(), user.password()).statusCode()).isEqualTo(201);
        ACCOUNTS.mailbox().await(user.email(), "Welcome");
        PrometheusText after = scrapeUntil(scrape -> scrape.sum("accounts_mail_deliveries_total", "outcome=\"sent\"")
                > before.sum("accounts_mail_deliveries_total", "outcome=\"sent\""));

        assertThat(delta(before, after, "accounts_registrations_total", "outcome=\"success\"")).isEqualTo(1);
        assertThat(delta(before, after, "accounts_logins_total", "outcome=\"failure\"")).isEqualTo(1);
        assertThat(delta(before, after, "accounts_logins_total", "outcome=\"success\"")).isEqualTo(1);
        assertThat(delta(before, after, "accounts_audit_events_total", "action=\"login\"", "outcome=\"failure\""))
                .isEqualTo(1);
        assertThat(delta(before, after, "accounts_mail_deliveries_total", "outcome=\"sent\"")).isEqualTo(1);
        // One hash at sign-up; two verifications: the failed login and the good one.
        assertThat(delta(before, after, "accounts_password_hashing_seconds_count", "operation=\"hash\"")).isEqualTo(1);
        assertThat(delta(before, after, "accounts_password_hashing_seconds_count", "operation=\"verify\"")).isEqualTo(2);
        assertThat(after.has("accounts_password_hashing_seconds_bucket", "operation=\"hash\"", "le=\"0.05\"")).isTrue();
        assertThat(delta(before, after, "http_server_requests_seconds_count", "uri=\"/api/sessions\"", "status=\"401\""))
                .isEqualTo(1);
        assertThat(delta(before, after, "http_server_requests_seconds_count", "uri=\"/api/users\"", "status=\"201\""))
                .isEqualTo(1);
    }

    @Test
    void exposesTheOutboxThePoolTheJvmTheProcessAndTomcat() throws IOException {
        PrometheusText scrape = scrape();
        // A whole scrape to read, next to the README's list of series.
        Files.writeString(Path.of("target", "metrics-sample.txt"), scrape.text());

        assertThat(scrape.text()).contains("# TYPE accounts_mail_outbox_pending gauge");
        assertThat(scrape.samples("accounts_mail_outbox_pending")).singleElement()
                .satisfies(line -> assertThat(line).doesNotContain("NaN"));
        assertThat(scrape.samples("accounts_mail_outbox_oldest_pending_age_seconds")).singleElement()
                .satisfies(line -> assertThat(line).doesNotContain("NaN"));
        assertThat(scrape.samples("accounts_mail_outbox_dead")).singleElement()
                .satisfies(line -> assertThat(line).doesNotContain("NaN"));
        for (String series : new String[]{"hikaricp_connections_active", "hikaricp_connections_idle",
                "hikaricp_connections_pending", "hikaricp_connections_max", "jvm_memory_used_bytes",
                "jvm_gc_memory_allocated_bytes_total", "jvm_threads_live_threads", "jvm_classes_loaded_classes",
                "jvm_info", "process_cpu_usage", "process_uptime_seconds", "process_files_open_files",
                "tomcat_threads_busy_threads", "tomcat_global_request_seconds_count"}) {
            assertThat(scrape.has(series)).as(series).isTrue();
        }
        assertThat(scrape.sum("hikaricp_connections_max", "pool=\"accounts\"")).isEqualTo(10);
    }

    @Test
    void countsSessionLookUpsFromMemoryOnceTheCacheHearsTheDatabase() throws Exception {
        RegisterUserCommand user = Registrations.valid();
        assertThat(service().postJson("/api/users", Map.of("username", user.username(), "email", user.email(),
                "password", user.password())).statusCode()).isEqualTo(201);
        HttpResponse<String> session = logIn(user.username(), user.password());
        String token = RunningService.json(session).get("token").asString();
        PrometheusText before = scrapeUntil(scrape -> scrape.sum("accounts_session_cache_hearing") == 1);

        for (int request = 0; request < 3; request++) {
            assertThat(service().call("GET", "/api/users/me", token, null).statusCode()).isEqualTo(200);
        }
        PrometheusText after = scrape();

        assertThat(delta(before, after, "accounts_session_cache_lookups_total", "source=\"database\"")).isEqualTo(1);
        assertThat(delta(before, after, "accounts_session_cache_lookups_total", "source=\"memory\"")).isEqualTo(2);
        assertThat(after.sum("accounts_session_cache_sessions")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void labelsRequestsByTheirRouteNeverByThePathSent() throws Exception {
        String unknownId = UUID.randomUUID().toString();
        String probe = "probe-" + UUID.randomUUID();
        // Without a session on purpose: the 401 goes through the route all the same.
        service().withoutRequestValidation().send(HttpRequest.newBuilder(service().uri("/api/users/" + unknownId)).GET());
        HttpResponse<String> notFound = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                service().uri("/" + probe + "/" + unknownId)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(notFound.statusCode()).isEqualTo(404);

        PrometheusText scrape = scrape();

        assertThat(scrape.has("http_server_requests_seconds_count", "uri=\"/api/users/{id}\"")).isTrue();
        assertThat(scrape.has("http_server_requests_seconds_count", "uri=\"NOT_FOUND\"", "status=\"404\"")).isTrue();
        assertThat(scrape.text()).doesNotContain(unknownId).doesNotContain(probe);
    }

    @Test
    void countsTheRequestsInFlightTheScrapeAmongThem() {
        assertThat(scrape().sum("http_server_requests_active")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void answersAScrapeWithoutTheRightTokenWithA401Problem() {
        HttpResponse<String> none = service().send(HttpRequest.newBuilder(service().uri("/metrics")).GET());
        HttpResponse<String> wrong = service().send(HttpRequest.newBuilder(service().uri("/metrics"))
                .header("Authorization", "Bearer " + TOKEN + "x").GET());

        for (HttpResponse<String> refused : List.of(none, wrong)) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Bearer"));
            assertThat(refused.body()).doesNotContain("jvm_");
        }
    }

    private PrometheusText scrape() {
        HttpResponse<String> response = service().send(HttpRequest.newBuilder(service().uri("/metrics"))
                .header("Authorization", "Bearer " + TOKEN).GET());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").map(type -> type.replace(" ", "")))
                .hasValue("text/plain;version=0.0.4;charset=utf-8");
        return new PrometheusText(response.body());
    }

    /** The mail counter moves after the message has arrived (the worker marks it sent, then reports). */
    private PrometheusText scrapeUntil(Predicate<PrometheusText> condition) throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        PrometheusText scrape = scrape();
        while (!condition.test(scrape) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            scrape = scrape();
        }
        return scrape;
    }

    private static double delta(PrometheusText before, PrometheusText after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }

    private static HttpResponse<String> logIn(String login, String password) {
        return service().call("POST", "/api/sessions", null, Map.of("login", login, "password", password));
    }

    private static RunningService service() {
        return ACCOUNTS.service();
    }
}
