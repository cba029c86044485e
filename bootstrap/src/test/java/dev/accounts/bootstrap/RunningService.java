package dev.accounts.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole service started in this JVM on a free port, on a fresh embedded PostgreSQL, and an HTTP client for it. */
final class RunningService implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path dataDirectory;
    private final AccountsApplication application;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningService(Path dataDirectory, AccountsApplication application) {
        this.dataDirectory = dataDirectory;
        this.application = application;
    }

    /** Starts with mail going to a plain SMTP server on localhost at {@code smtpPort}, plus any extra variables. */
    static RunningService start(int smtpPort, Map<String, String> extra) {
        Path data = TestDirectories.reachableByEveryone("accounts-e2e-");
        Map<String, String> env = new HashMap<>(Map.of(
                "ACCOUNTS_HTTP_PORT", "0",
                "ACCOUNTS_HTTP_ADDRESS", "127.0.0.1",
                "ACCOUNTS_DATA_DIR", data.resolve("pg").toString(),
                "ACCOUNTS_SMTP_HOST", "127.0.0.1",
                "ACCOUNTS_SMTP_PORT", Integer.toString(smtpPort),
                "ACCOUNTS_SMTP_TRANSPORT", "plain",
                "ACCOUNTS_MAIL_FROM", "Accounts <no-reply@accounts.example.com>",
                "ACCOUNTS_PUBLIC_URL", "https://accounts.example.com",
                "ACCOUNTS_MAIL_POLL_INTERVAL", "200ms",
                "ACCOUNTS_MAIL_RETRY_CAP", "2s"));
        env.putAll(extra);
        return new RunningService(data, AccountsApplication.start(AccountsSettings.fromEnvironment(env)));
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> postJson(String path, Object body) {
        return post(path, "application/json", JSON.writeValueAsString(body));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** A request with a JSON body (or none when {@code body} is null) and, when {@code bearer} is not null, a token. */
    HttpResponse<String> call(String method, String path, String bearer, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return send(request);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A bean of the running service's core (its data source, say), for assertions on what was stored. */
    <T> T bean(Class<T> type) {
        return application.bean(type);
    }

    URI uri(String path) {
        return application.localUrl().resolve(path);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @Override
    public void close() throws IOException {
        try {
            application.close();
        } finally {
            try (var paths = Files.walk(dataDirectory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
