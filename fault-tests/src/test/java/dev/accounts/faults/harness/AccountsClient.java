package dev.accounts.faults.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's HTTP API as a client uses it, over HTTP/1.1 keep-alive connections. Every call returns an
 * {@link Answer}, failures at the connection level included, so scenarios can count them instead of dying on them.
 */
public final class AccountsClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http;

    public AccountsClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public static AccountsClient of(ServiceProcess service) {
        return new AccountsClient(service.url());
    }

    public URI base() {
        return base;
    }

    public Answer register(Registration registration) {
        return send("POST", "/api/users", null, Map.of("username", registration.username(),
                "email", registration.email(), "password", registration.password()));
    }

    public Answer logIn(String login, String password) {
        return send("POST", "/api/sessions", null, Map.of("login", login, "password", password));
    }

    /** Logs in and returns the session token, failing the scenario when that does not work. */
    public String sessionOf(String login, String password) {
        Answer answer = logIn(login, password);
        if (answer.status() != 201) {
            throw new AssertionError("log-in of " + login + " failed: " + answer);
        }
        return answer.json().get("token").asString();
    }

    public Answer me(String session) {
        return send("GET", "/api/users/me", session, null);
    }

    public Answer logOut(String session) {
        return send("DELETE", "/api/sessions/current", session, null);
    }

    public Answer saveFullName(String session, String fullName) {
        return send("PATCH", "/api/users/me/profile", session, Map.of("fullName", fullName));
    }

    public Answer changePassword(String session, String currentPassword, String newPassword) {
        return send("PUT", "/api/users/me/password", session,
                Map.of("currentPassword", currentPassword, "newPassword", newPassword));
    }

    public Answer verifyEmail(String token) {
        return send("POST", "/api/email-verifications", null, Map.of("token", token));
    }

    public Answer requestPasswordReset(String email) {
        return send("POST", "/api/password-resets", null, Map.of("email", email));
    }

    public Answer confirmPasswordReset(String token, String newPassword) {
        return send("POST", "/api/password-resets/confirm", null, Map.of("token", token, "newPassword", newPassword));
    }

    public Answer get(String path) {
        return send("GET", path, null, null);
    }

    private Answer send(String method, String path, String session, Map<String, String> body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT);
        if (session != null) {
            request.header("Authorization", "Bearer " + session);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(new LinkedHashMap<>(body))));
        }
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""), since(started), null);
        } catch (IOException e) {
            return new Answer(0, "", "", since(started), e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "", "", since(started), "interrupted");
        }
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
