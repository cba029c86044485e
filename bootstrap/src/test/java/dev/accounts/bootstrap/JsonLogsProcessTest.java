package dev.accounts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.port.in.RegisterUserCommand;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ACCOUNTS_LOG_FORMAT=json} on the real thing: the service started by its {@code main} in a separate JVM, as a
 * log collector would read it. Every line it writes to standard output, from start-up to shutdown, must be one JSON
 * object, and the lines of a request must carry that request's id. The mail worker's line per delivery attempt is
 * read here too, as an operator reads it: outbox id, attempt and outcome, never the body with its link.
 */
class JsonLogsProcessTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String READY = "Accounts is ready at ";
    private static final Pattern MAIL_ATTEMPT = Pattern.compile("mail outbox_id=\\S+ template=WELCOME");

    @Test
    void writesEveryLineAsOneJsonObjectAndMarksTheLinesOfARequestWithItsId() throws Exception {
        Path data = TestDirectories.reachableByEveryone("accounts-json-");
        // A file, not a pipe: it is read while the process runs and after it has gone, without a race on the pipe.
        Path stdout = data.resolve("stdout.log");
        Process service = start(data, stdout);
        List<String> lines;
        try {
            URI base = awaitReady(service, stdout);
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> refused = client.send(HttpRequest.newBuilder(base.resolve("/api/sessions"))
                    .header("Content-Type", "application/json").header("X-Request-Id", "json-check-42")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"nobody\",\"password\":\"not this one\"}"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(401);
            RegisterUserCommand user = Registrations.valid();
            HttpResponse<String> registered = client.send(HttpRequest.newBuilder(base.resolve("/api/users"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", user.username(),
                            "email", user.email(), "password", user.password()))))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(registered.statusCode()).isEqualTo(201);
            awaitLine(stdout, MAIL_ATTEMPT);

            service.destroy();
            assertThat(service.waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
            lines = Files.readAllLines(stdout, StandardCharsets.UTF_8);
        } finally {
            service.destroyForcibly();
            deleteQuietly(data);
        }

        List<JsonNode> events = new ArrayList<>();
        for (String line : lines) {
            assertThat(line).as("a blank line").isNotBlank();
            JsonNode event = JSON.readTree(line);
            assertThat(event.isObject()).as(line).isTrue();
            assertThat(event.get("timestamp").isNumber()).as(line).isTrue();
            assertThat(event.get("level").asString()).as(line).isIn("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
            assertThat(event.get("loggerName").asString()).as(line).isNotBlank();
            assertThat(event.has("formattedMessage")).as(line).isTrue();
            events.add(event);
        }
        assertThat(events).anySatisfy(event -> assertThat(message(event)).startsWith("Starting Accounts: "))
                .anySatisfy(event -> assertThat(message(event)).isEqualTo("Accounts stopped"));
        assertThat(events).filteredOn(event -> "json-check-42".equals(requestId(event)))
                .anySatisfy(event -> assertThat(event.get("loggerName").asString()).isEqualTo("accounts.audit"));
        assertThat(events).filteredOn(event -> MAIL_ATTEMPT.matcher(message(event)).find()).singleElement()
                .satisfies(event -> assertThat(message(event))
                        .matches("mail outbox_id=[0-9a-f-]{36} template=WELCOME attempt=1 outcome=sent"));
        assertThat(lines).noneSatisfy(line -> assertThat(line).contains("token="));
    }

    private static void awaitLine(Path stdout, Pattern pattern) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.readAllLines(stdout, StandardCharsets.UTF_8).stream().anyMatch(line -> pattern.matcher(line).find())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no line matching " + pattern + " in " + Files.readString(stdout));
    }

    private static Process start(Path data, Path stdout) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AccountsApplication.class.getName());
        builder.environment().keySet().removeIf(name -> name.startsWith("ACCOUNTS_"));
        builder.environment().put("ACCOUNTS_LOG_FORMAT", "json");
        builder.environment().put("ACCOUNTS_HTTP_ADDRESS", "127.0.0.1");
        builder.environment().put("ACCOUNTS_HTTP_PORT", "0");
        builder.environment().put("ACCOUNTS_DATA_DIR", data.resolve("pg").toString());
        // The JVM's own warnings go to standard error, which is not the log.
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.redirectOutput(stdout.toFile());
        return builder.start();
    }

    private static URI awaitReady(Process service, Path stdout) throws InterruptedException, IOException {
        // Generous: a new JVM, Spring and a new PostgreSQL take seconds on a quiet machine, minutes on a busy one.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline && service.isAlive()) {
            Optional<String> ready = Files.readAllLines(stdout, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains(READY)).findFirst();
            if (ready.isPresent()) {
                return URI.create(message(JSON.readTree(ready.get())).substring(READY.length()));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service did not start; it wrote: " + Files.readString(stdout));
    }

    private static String message(JsonNode event) {
        return event.get("formattedMessage").asString();
    }

    private static String requestId(JsonNode event) {
        JsonNode mdc = event.get("mdc");
        return mdc == null || mdc.get("requestId") == null ? null : mdc.get("requestId").asString();
    }

    private static void deleteQuietly(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
