package dev.accounts.bootstrap;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private final ApiClient client;

    private RunningService(Path dataDirectory, AccountsApplication application) {
        this.dataDirectory = dataDirectory;
        this.application = application;
        try {
            this.client = ApiClient.forService(application.localUrl());
        } catch (RuntimeException | AssertionError e) {
            application.close();
            throw e;
        }
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

    // Every exchange below is checked against the OpenAPI document the service serves (ApiClient, ApiContract).

    HttpResponse<String> post(String path, String contentType, String body) {
        return client.post(path, contentType, body);
    }

    HttpResponse<String> postJson(String path, Object body) {
        return client.postJson(path, body);
    }

    HttpResponse<String> get(String path) {
        return client.get(path);
    }

    /** A request with a JSON body (or none when {@code body} is null) and, when {@code bearer} is not null, a token. */
    HttpResponse<String> call(String method, String path, String bearer, Object body) {
        return client.call(method, path, bearer, body);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return client.send(request);
    }

    /** For requests that break the OpenAPI document on purpose (bad JSON, a wrong type, no token): answers still checked. */
    ApiClient withoutRequestValidation() {
        return client.withoutRequestValidation();
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
