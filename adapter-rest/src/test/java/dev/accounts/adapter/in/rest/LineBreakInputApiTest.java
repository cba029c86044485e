package dev.accounts.adapter.in.rest;

import static dev.accounts.adapter.in.rest.Problems.errors;
import static dev.accounts.adapter.in.rest.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.port.in.RegisterUserCommand;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * CR, LF and NUL in a field that can reach a mail header or a log line are refused with 422 naming the field,
 * before any use case runs. (The login of {@code POST /api/sessions} is the exception: it fails like any unknown
 * login, and is escaped in the log; see {@link SessionApiTest}.)
 */
class LineBreakInputApiTest {

    private static final String SINGLE_LINE = "must not contain line breaks or NUL characters";

    private final UseCases useCases = new UseCases();
    private final MockMvc mvc = RestApiUnderTest.mockMvc(useCases);
    private final String session = useCases.signIn(Accounts.newUserId());

    static Stream<Arguments> fieldsAndBreaks() {
        return Stream.of("\r", "\n", "\r\n", "\u0000").flatMap(breaker -> Stream.of(
                Arguments.of("POST /api/users", "username", breaker),
                Arguments.of("POST /api/users", "email", breaker),
                Arguments.of("PATCH /api/users/me", "username", breaker),
                Arguments.of("PATCH /api/users/me", "email", breaker),
                Arguments.of("POST /api/password-resets", "email", breaker)));
    }

    @ParameterizedTest(name = "{0} {1} with {2}")
    @MethodSource("fieldsAndBreaks")
    void refusesALineBreakOrNulInAFieldThatReachesAMailHeaderOrALog(String endpoint, String field, String breaker)
            throws Exception {
        String value = field.equals("email") ? "alice@example.org" + breaker + "Bcc: all@example.org"
                : "alice" + breaker + "INFO forged";

        MvcResult result = mvc.perform(request(endpoint, field, value)).andReturn();

        assertThat(errors(problem(result, 422, "/problems/validation-failed")))
                .containsExactly(Map.of("field", field, "message", SINGLE_LINE));
        assertThat(useCases.calls()).doesNotContain("registerUser", "updateAccount", "requestPasswordReset");
        assertThat(Answers.everything(result)).doesNotContain("forged").doesNotContain("Bcc");
    }

    static Stream<Arguments> profileFieldsAndBreaks() {
        return Stream.of("\r", "\n", "\u0000").flatMap(breaker -> Stream.of(
                Arguments.of("fullName", breaker), Arguments.of("bio", breaker)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("profileFieldsAndBreaks")
    void refusesALineBreakOrNulInTheProfileThroughTheDomain(String field, String breaker) throws Exception {
        RestApiUnderTest api = new RestApiUnderTest();
        MockMvc real = RestApiUnderTest.mockMvc(api.realServices());
        RegisterUserCommand alice = Registrations.valid();
        real.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON).content(RestApiUnderTest.json(alice)));
        String token = (String) Answers.json(real.perform(post("/api/sessions").contentType(MediaType.APPLICATION_JSON)
                .content(RestApiUnderTest.json(Map.of("login", alice.username(), "password", alice.password()))))
                .andReturn()).get("token");

        MvcResult result = real.perform(patch("/api/users/me/profile").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(RestApiUnderTest.json(Map.of(field, "Alice" + breaker + "Liddell")))).andReturn();

        assertThat(errors(problem(result, 422, "/problems/validation-failed")))
                .extracting(error -> error.get("field")).containsExactly(field);
    }

    private MockHttpServletRequestBuilder request(String endpoint, String field, String value) {
        Map<String, Object> body = new HashMap<>();
        return switch (endpoint) {
            case "POST /api/users" -> {
                body.putAll(Map.of("username", "alice", "email", "alice@example.org", "password", Registrations.GOOD_PASSWORD));
                body.put(field, value);
                yield post("/api/users").contentType(MediaType.APPLICATION_JSON).content(RestApiUnderTest.json(body));
            }
            case "PATCH /api/users/me" -> patch("/api/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + session)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(RestApiUnderTest.json(Map.of(field, value, "currentPassword", Registrations.GOOD_PASSWORD)));
            case "POST /api/password-resets" -> post("/api/password-resets").contentType(MediaType.APPLICATION_JSON)
                    .content(RestApiUnderTest.json(Map.of(field, value)));
            default -> throw new IllegalArgumentException(endpoint);
        };
    }
}
