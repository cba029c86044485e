package dev.accounts.adapter.in.rest;

import static dev.accounts.adapter.in.rest.Problems.errors;
import static dev.accounts.adapter.in.rest.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.domain.user.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

class RegisterUserApiTest {

    private final RestApiUnderTest api = new RestApiUnderTest();
    private final MockMvc mvc = api.mockMvc();

    @Test
    void registersAUserAndAnswers201WithItsLocationAndSevenPublicFields() throws Exception {
        RegisterUserCommand registration = Registrations.valid();

        MvcResult result = register(RestApiUnderTest.json(registration));

        assertThat(result.getResponse().getStatus()).isEqualTo(201);
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
        User stored = api.users.all().getFirst();
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/users/" + stored.id());
        Map<String, Object> body = RestApiUnderTest.parse(Problems.body(result));
        assertThat(body).containsOnlyKeys("id", "username", "email", "emailVerified", "active", "createdAt", "updatedAt");
        assertThat(body)
                .containsEntry("id", stored.id().toString())
                .containsEntry("username", registration.username())
                .containsEntry("email", registration.email())
                .containsEntry("emailVerified", false)
                .containsEntry("active", true)
                .containsEntry("createdAt", "2026-11-21T10:15:30.123456Z")
                .containsEntry("updatedAt", "2026-11-21T10:15:30.123456Z");
        assertThat(api.outbox.pending()).hasSize(1);
    }

    @Test
    void neverAnswersWithThePasswordOrItsHash() throws Exception {
        MvcResult result = register(RestApiUnderTest.json(Registrations.valid()));

        String answer = Problems.body(result) + result.getResponse().getHeaderNames().stream()
                .map(result.getResponse()::getHeader).toList();
        assertThat(answer)
                .doesNotContain(Registrations.GOOD_PASSWORD)
                .doesNotContain(api.users.all().getFirst().passwordHash().value())
                .doesNotContainIgnoringCase("password")
                .doesNotContainIgnoringCase("hash");
    }

    @Test
    void answers409NamingTheUsernameWhenItIsTakenInAnotherCase() throws Exception {
        RegisterUserCommand first = Registrations.valid();
        register(RestApiUnderTest.json(first));

        MvcResult result = register(RestApiUnderTest.json(
                Registrations.withUsername(first.username().toUpperCase(Locale.ROOT))));

        Map<String, Object> problem = problem(result, 409, "/problems/already-taken");
        assertThat(errors(problem)).containsExactly(Map.of("field", "username", "message", "is already taken"));
        assertThat(api.users.all()).hasSize(1);
    }

    @Test
    void answers409NamingTheEmailWhenItIsTakenInAnotherCase() throws Exception {
        RegisterUserCommand first = Registrations.valid();
        register(RestApiUnderTest.json(first));

        MvcResult result = register(RestApiUnderTest.json(
                Registrations.withEmail(first.email().toUpperCase(Locale.ROOT))));

        Map<String, Object> problem = problem(result, 409, "/problems/already-taken");
        assertThat(errors(problem)).containsExactly(Map.of("field", "email", "message", "is already taken"));
    }

    @Test
    void answers422ListingEveryBrokenRuleAtOnce() throws Exception {
        RegisterUserCommand broken = new RegisterUserCommand("no spaces allowed", "not-an-address", "short");

        MvcResult result = register(RestApiUnderTest.json(broken));

        Map<String, Object> problem = problem(result, 422, "/problems/validation-failed");
        List<Map<String, Object>> errors = errors(problem);
        assertThat(errors).extracting(error -> error.get("field")).containsExactly("username", "email", "password");
        assertThat(errors).allSatisfy(error -> assertThat((String) error.get("message")).isNotBlank());
        assertThat(errors.get(2)).containsEntry("message", "must be at least 12 characters long");
        assertThat(Problems.body(result)).doesNotContain("no spaces allowed").doesNotContain("short\"");
        assertThat(api.users.all()).isEmpty();
    }

    @Test
    void answers422NamingTheRuleACommonPasswordBreaks() throws Exception {
        MvcResult result = register(RestApiUnderTest.json(Registrations.withPassword("1qaz2wsx3edc")));

        Map<String, Object> problem = problem(result, 422, "/problems/validation-failed");
        assertThat(errors(problem)).containsExactly(Map.of("field", "password",
                "message", "is too common: it appears in a list of frequently used passwords"));
    }

    @Test
    void answers422NamingEveryMissingOrNullField() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", Registrations.valid().username());
        body.put("password", null);

        MvcResult result = register(RestApiUnderTest.json(body));

        Map<String, Object> problem = problem(result, 422, "/problems/validation-failed");
        assertThat(errors(problem)).containsExactly(
                Map.of("field", "email", "message", "must not be null"),
                Map.of("field", "password", "message", "must not be null"));
        assertThat(api.users.all()).isEmpty();
    }

    @Test
    void hidesThePasswordWhenTheRequestIsPrinted() {
        RegisterUserRequest request = new RegisterUserRequest("alice", "alice@example.org", Registrations.GOOD_PASSWORD);

        assertThat(request.toString()).contains("alice").doesNotContain(Registrations.GOOD_PASSWORD);
    }

    private MvcResult register(String json) throws Exception {
        return mvc.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON).content(json)).andReturn();
    }
}
