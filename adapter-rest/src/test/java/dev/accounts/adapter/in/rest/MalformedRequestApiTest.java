package dev.accounts.adapter.in.rest;

import static dev.accounts.adapter.in.rest.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.port.in.RegisterUserCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

class MalformedRequestApiTest {

    private static final String MALFORMED = "/problems/malformed-request";

    private final RestApiUnderTest api = new RestApiUnderTest();
    private final MockMvc mvc = api.mockMvc();

    @Test
    void rejectsAnUnknownFieldNamingIt() throws Exception {
        Map<String, Object> body = validBody();
        body.put("admin", true);

        Map<String, Object> problem = problem(register(RestApiUnderTest.json(body)), 400, MALFORMED);

        assertThat(problem).containsEntry("detail", "Unknown field 'admin'.");
        assertThat(api.users.all()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"987654321", "98765.4321", "true", "{\"first\":\"secret-value\"}", "[\"secret-value\"]"})
    void rejectsAnythingButAStringForAStringFieldWithoutEchoingIt(String notAString) throws Exception {
        String json = "{\"username\":" + notAString + ",\"email\":\"a@example.org\",\"password\":\"x\"}";

        MvcResult result = register(json);

        assertThat(problem(result, 400, MALFORMED)).containsEntry("detail", "Field 'username' must be a string.");
        assertThat(Problems.body(result)).doesNotContain("987654321").doesNotContain("98765").doesNotContain("secret-value");
    }

    @Test
    void rejectsADuplicateKeyNamingIt() throws Exception {
        RegisterUserCommand registration = Registrations.valid();
        String json = "{\"username\":\"" + registration.username() + "\",\"username\":\"admin\",\"email\":\""
                + registration.email() + "\",\"password\":\"" + registration.password() + "\"}";

        Map<String, Object> problem = problem(register(json), 400, MALFORMED);

        assertThat(problem).containsEntry("detail", "Duplicate field 'username'.");
        assertThat(api.users.all()).isEmpty();
    }

    @Test
    void rejectsJsonThatIsNotWellFormedWithoutQuotingIt() throws Exception {
        MvcResult result = register("{\"username\": \"alice\", \"password\": s3cr3t-p4ssw0rd}");

        Map<String, Object> problem = problem(result, 400, MALFORMED);

        assertThat((String) problem.get("detail")).startsWith("The request body is not well-formed JSON (line 1, column");
        assertThat(Problems.body(result)).doesNotContain("s3cr3t");
    }

    @Test
    void rejectsAnythingAfterTheObject() throws Exception {
        Map<String, Object> problem = problem(register(RestApiUnderTest.json(validBody()) + " {}"), 400, MALFORMED);

        assertThat(problem).containsEntry("detail", "The request body must be exactly one JSON object.");
        assertThat(api.users.all()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "[]", "\"alice\"", "42"})
    void rejectsABodyThatIsNotAnObject(String body) throws Exception {
        problem(register(body), 400, MALFORMED);

        assertThat(api.users.all()).isEmpty();
    }

    @Test
    void rejectsABodyThatIsNotJsonWith415() throws Exception {
        MvcResult result = mvc.perform(post("/api/users").contentType(MediaType.TEXT_PLAIN).content("alice")).andReturn();

        problem(result, 415, "/problems/unsupported-media-type");
    }

    @Test
    void rejectsABodyOverTheLimitBeforeReadingItWhenItsLengthIsDeclared() throws Exception {
        MvcResult result = register(oversizedJson());

        assertThat(problem(result, 413, "/problems/payload-too-large"))
                .containsEntry("detail", "The request body must not be larger than 65536 bytes.");
        assertThat(api.users.all()).isEmpty();
    }

    @Test
    void rejectsAChunkedBodyOnceItGrowsPastTheLimit() throws Exception {
        MockMvc chunked = api.mockMvc(new UnknownLengthRequests());

        MvcResult result = chunked.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON)
                .content(oversizedJson())).andReturn();

        assertThat(problem(result, 413, "/problems/payload-too-large"))
                .containsEntry("detail", "The request body must not be larger than 65536 bytes.");
        assertThat(api.users.all()).isEmpty();
    }

    @Test
    void acceptsAChunkedBodyWithinTheLimit() throws Exception {
        MockMvc chunked = api.mockMvc(new UnknownLengthRequests());

        MvcResult result = chunked.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON)
                .content(RestApiUnderTest.json(Registrations.valid()))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(201);
    }

    @Test
    void answers405WithTheAllowedMethodsForGetOnUsers() throws Exception {
        MvcResult result = mvc.perform(get("/api/users")).andReturn();

        problem(result, 405, "/problems/method-not-allowed");
        assertThat(result.getResponse().getHeader("Allow")).isEqualTo("POST");
    }

    @Test
    void answers404ForAnUnknownPath() throws Exception {
        problem(mvc.perform(get("/api/nothing-here")).andReturn(), 404, "/problems/not-found");
    }

    @Test
    void answers406WhenTheClientAcceptsNoJson() throws Exception {
        MvcResult result = mvc.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_HTML).content(RestApiUnderTest.json(Registrations.valid()))).andReturn();

        problem(result, 406, "/problems/not-acceptable");
        assertThat(api.users.all()).isEmpty();
    }

    /**
     * Found by the bad-input property test: with an Accept header Spring cannot parse (or with too many entries),
     * content negotiation failed a second time while writing the problem, and the answer went out as a bare status.
     */
    @ParameterizedTest
    @ValueSource(strings = {"garbage", "application/json;;q=", "\u00ff", "application/json, application/json, application/json, "
            + "application/json, application/json, application/json, application/json, application/json, application/json, "
            + "application/json, application/json, application/json, application/json, application/json, application/json, "
            + "application/json, application/json, application/json, application/json, application/json, application/json, "
            + "application/json, application/json, application/json, application/json, application/json, application/json, "
            + "application/json, application/json, application/json, application/json, application/json, application/json, "
            + "application/json, application/json, application/json, application/json, application/json, application/json, "
            + "application/json, application/json, application/json, application/json, application/json, application/json, "
            + "application/json, application/json, application/json, application/json, application/json, application/json"})
    void answersEveryFailureWithAProblemWhateverTheAcceptHeader(String accept) throws Exception {
        String body = RestApiUnderTest.json(validBody());
        problem(mvc.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON).header("Accept", accept).content(body))
                .andReturn(), 406, "/problems/not-acceptable");
        problem(mvc.perform(get("/api/users").header("Accept", accept)).andReturn(), 405, "/problems/method-not-allowed");
        problem(mvc.perform(get("/api/nothing-here").header("Accept", accept)).andReturn(), 404, "/problems/not-found");
        problem(mvc.perform(put("/api/users/me/password").contentType(MediaType.APPLICATION_JSON).header("Accept", accept)
                .content("{}")).andReturn(), 401, "/problems/unauthenticated");
        assertThat(api.users.all()).isEmpty();
    }

    private MvcResult register(String json) throws Exception {
        return mvc.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON).content(json)).andReturn();
    }

    private static Map<String, Object> validBody() {
        RegisterUserCommand registration = Registrations.valid();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", registration.username());
        body.put("email", registration.email());
        body.put("password", registration.password());
        return body;
    }

    /** Well-formed JSON of 65 KiB, so only its size can be wrong. */
    private static String oversizedJson() {
        Map<String, Object> body = validBody();
        body.put("password", "x".repeat(65 * 1024));
        return RestApiUnderTest.json(body);
    }
}
