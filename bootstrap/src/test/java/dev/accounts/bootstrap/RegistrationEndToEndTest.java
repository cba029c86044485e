package dev.accounts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.accounts.application.fixtures.Registrations;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** The whole service over HTTP: registration, the welcome mail through real SMTP, and every error status. */
class RegistrationEndToEndTest {

    @RegisterExtension
    static final ServiceWithMail ACCOUNTS = ServiceWithMail.withDefaults();

    @Test
    void registersAUserAndMailsThemAWelcome() throws Exception {
        String username = "alice_" + System.nanoTime() % 100_000;
        String email = username + "@Example.org";
        HttpResponse<String> response = service().postJson("/api/users",
                Map.of("username", username, "email", email, "password", Registrations.GOOD_PASSWORD));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = RunningService.json(response);
        assertThat(response.headers().firstValue("Location")).hasValue("/api/users/" + body.get("id").asString());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("id", "username", "email", "emailVerified", "active",
                "createdAt", "updatedAt");
        assertThat(body.get("username").asString()).isEqualTo(username);
        assertThat(body.get("email").asString()).isEqualTo(email);
        assertThat(body.get("emailVerified").asBoolean()).isFalse();
        assertThat(body.get("active").asBoolean()).isTrue();
        assertThat(response.body()).doesNotContain(Registrations.GOOD_PASSWORD).doesNotContain("argon2");

        HttpResponse<String> login = service().call("POST", "/api/sessions", null,
                Map.of("login", username, "password", Registrations.GOOD_PASSWORD));
        String token = RunningService.json(login).get("token").asString();
        HttpResponse<String> located = service().call("GET", response.headers().firstValue("Location").orElseThrow(), token, null);
        assertThat(located.statusCode()).isEqualTo(200);
        assertThat(RunningService.json(located).get("id").asString()).isEqualTo(body.get("id").asString());

        MimeMessage mail = mailbox().await(email, "Welcome");
        assertThat(mail.getSubject()).isEqualTo("Welcome to Accounts");
        assertThat(GreenMailUtil.getBody(mail)).contains("Hi " + username + "! You have successfully signed up to Accounts.");
        assertThat(GreenMailUtil.getBody(mail)).doesNotContain(Registrations.GOOD_PASSWORD);
    }

    @Test
    void answersConflictForATakenUsernameOrEmailInAnyCase() {
        var first = Registrations.valid();
        assertThat(service().postJson("/api/users", Map.of("username", first.username(), "email", first.email(),
                "password", first.password())).statusCode()).isEqualTo(201);

        HttpResponse<String> sameName = service().postJson("/api/users", Map.of("username", first.username().toUpperCase(),
                "email", "other" + first.email(), "password", first.password()));
        assertProblem(sameName, 409);
        assertThat(RunningService.json(sameName).get("errors").get(0).get("field").asString()).isEqualTo("username");

        HttpResponse<String> sameEmail = service().postJson("/api/users", Map.of("username", "other" + first.username(),
                "email", first.email().toUpperCase(), "password", first.password()));
        assertProblem(sameEmail, 409);
        assertThat(RunningService.json(sameEmail).get("errors").get(0).get("field").asString()).isEqualTo("email");
    }

    @Test
    void answersUnprocessableNamingEveryInvalidField() {
        HttpResponse<String> response = service().postJson("/api/users",
                Map.of("username", "a b", "email", "not an address", "password", "password1234"));

        assertProblem(response, 422);
        assertThat(RunningService.json(response).get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactly("username", "email", "password");
        assertThat(response.body()).doesNotContain("password1234");
    }

    @Test
    void answersBadRequestForMalformedJsonUnknownFieldsAndWrongTypes() {
        var valid = Registrations.valid();
        ApiClient invalid = service().withoutRequestValidation();
        assertProblem(invalid.post("/api/users", "application/json", "{\"username\": "), 400);
        assertProblem(invalid.post("/api/users", "application/json", "{\"username\":\"" + valid.username() + "\",\"email\":\""
                + valid.email() + "\",\"password\":\"" + valid.password() + "\",\"superuser\":true}"), 400);
        assertProblem(invalid.post("/api/users", "application/json", "{\"username\":42,\"email\":\""
                + valid.email() + "\",\"password\":\"" + valid.password() + "\"}"), 400);
    }

    @Test
    void answersUnsupportedMediaTypeForABodyThatIsNotJson() {
        assertProblem(service().withoutRequestValidation().post("/api/users", "text/plain", "username=alice"), 415);
    }

    @Test
    void answersPayloadTooLargeForABodyOver64KiB() {
        String huge = "{\"username\":\"" + "a".repeat(70 * 1024) + "\"}";
        assertProblem(service().withoutRequestValidation().post("/api/users", "application/json", huge), 413);
    }

    @Test
    void reportsLivenessAndReadiness() {
        assertThat(service().get("/health/live").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = service().get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("UP");
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = RunningService.json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.has("type")).isTrue();
        assertThat(problem.has("title")).isTrue();
        assertThat(problem.has("detail")).isTrue();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.accounts");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static RunningService service() {
        return ACCOUNTS.service();
    }

    private static Mailbox mailbox() {
        return ACCOUNTS.mailbox();
    }
}
