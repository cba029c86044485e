package dev.accounts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.port.in.CreateSuperuserUseCase;
import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.bootstrap.badinput.Framing;
import dev.accounts.bootstrap.badinput.RawHttpClient;
import dev.accounts.bootstrap.badinput.RawRequest;
import dev.accounts.bootstrap.badinput.RawResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bugs {@link BadInputPropertyTest} found, each pinned by the smallest request that showed it, sent over a raw
 * socket to the real Tomcat (MockMvc neither parses query strings nor negotiates the way Tomcat and Spring MVC do).
 */
class BadInputRegressionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @RegisterExtension
    static final ServiceWithMail ACCOUNTS = ServiceWithMail.withDefaults();

    /** Was a 500: Tomcat's InvalidParameterException reached the catch-all handler when a handler read the query. */
    @ParameterizedTest
    @ValueSource(strings = {"limit=%zz", "limit=1%0", "%u0041=1", "q=a&=&&", "cursor=%C0%AF%"})
    void answersAQueryStringTomcatCannotDecodeWithA400Problem(String query) {
        String session = superuserSession();

        RawResponse answer = send("GET", "/api/admin/users?" + query, "Authorization: Bearer " + session);

        assertProblem(answer, 400);
    }

    /** Was a bare status without a body: content negotiation failed again while writing the problem. */
    @ParameterizedTest
    @ValueSource(strings = {"garbage", "\u00ff", "application/json;;q="})
    void answersWithAProblemWhateverTheAcceptHeader(String accept) {
        assertProblem(send("GET", "/api/users/me", "Accept: " + accept), 406);
        assertProblem(send("GET", "/api/nothing-here", "Accept: " + accept), 404);
        assertProblem(send("DELETE", "/api/users", "Accept: " + accept), 405);
    }

    @Test
    void stillAnswersAGoodAcceptHeaderAsBefore() {
        assertProblem(send("GET", "/api/users/me", "Accept: application/json"), 401);
    }

    private static RawResponse send(String method, String target, String... headers) {
        List<String> lines = new ArrayList<>(List.of("Host: 127.0.0.1:" + port()));
        lines.addAll(List.of(headers));
        RawRequest request = new RawRequest(method, target, lines, new byte[0], Framing.EXACT, new byte[0], "regression");
        RawHttpClient.Exchange exchange = new RawHttpClient("127.0.0.1", port()).send(request);
        return exchange.response().orElseThrow(() -> new AssertionError("no answer: " + exchange.failure()));
    }

    private static void assertProblem(RawResponse answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.toString()).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(new String(answer.body(), StandardCharsets.UTF_8));
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asString()).isNotBlank();
        assertThat(problem.path("title").asString()).isNotBlank();
    }

    private static String superuserSession() {
        String name = "root" + System.nanoTime() % 1_000_000;
        String email = name + "@example.com";
        String password = "quiet harbour lantern 17";
        ACCOUNTS.service().bean(CreateSuperuserUseCase.class).createSuperuser(new RegisterUserCommand(name, email, password));
        return RunningService.json(ACCOUNTS.service().postJson("/api/sessions", Map.of("login", email, "password", password)))
                .get("token").asString();
    }

    private static int port() {
        return ACCOUNTS.service().uri("/").getPort();
    }
}
