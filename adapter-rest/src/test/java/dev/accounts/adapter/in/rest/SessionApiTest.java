package dev.accounts.adapter.in.rest;

import static dev.accounts.adapter.in.rest.Problems.errors;
import static dev.accounts.adapter.in.rest.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.InvalidCredentialsException;
import dev.accounts.application.port.in.LogInCommand;
import dev.accounts.application.port.in.NewSession;
import dev.accounts.domain.user.SecretToken;
import dev.accounts.domain.user.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

class SessionApiTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Instant EXPIRES = Instant.parse("2026-03-02T10:15:30.123456Z");

    private final UseCases useCases = new UseCases();
    private final MockMvc mvc = RestApiUnderTest.mockMvc(useCases);

    @Test
    void logsInAndAnswers201WithABearerTokenThatNoCacheKeeps() throws Exception {
        String token = SecretToken.generate().reveal();
        List<LogInCommand> received = new CopyOnWriteArrayList<>();
        useCases.logIn = command -> {
            received.add(command);
            return new NewSession(token, EXPIRES);
        };

        MvcResult result = logIn("Alice@Example.org", PASSWORD);

        assertThat(result.getResponse().getStatus()).isEqualTo(201);
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
        assertThat(result.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
        assertThat(Answers.json(result)).containsOnlyKeys("token", "tokenType", "expiresAt")
                .containsEntry("token", token)
                .containsEntry("tokenType", "Bearer")
                .containsEntry("expiresAt", "2026-03-02T10:15:30.123456Z");
        assertThat(received).containsExactly(new LogInCommand("Alice@Example.org", PASSWORD, "127.0.0.1"));
    }

    @Test
    void answersEveryFailedLoginWithTheSame401() throws Exception {
        useCases.logIn = command -> {
            throw new InvalidCredentialsException();
        };

        MvcResult wrongPassword = logIn("alice", "not the password at all");
        MvcResult unknownLogin = logIn("nobody-by-this-name", PASSWORD);
        MvcResult inactiveAccount = logIn("deactivated@example.org", PASSWORD);

        Map<String, Object> problem = problem(wrongPassword, 401, "/problems/invalid-credentials");
        assertThat(problem).containsEntry("detail", "The login or the password is wrong.");
        assertThat(wrongPassword.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer realm=\"accounts\"");
        for (MvcResult other : List.of(unknownLogin, inactiveAccount)) {
            assertThat(other.getResponse().getStatus()).isEqualTo(401);
            assertThat(Problems.body(other)).isEqualTo(Problems.body(wrongPassword));
            assertThat(Answers.headers(other)).isEqualTo(Answers.headers(wrongPassword));
        }
    }

    @Test
    void answersAFailedLoginAlikeWhateverTokenTheRequestCarries() throws Exception {
        useCases.logIn = command -> {
            throw new InvalidCredentialsException();
        };
        MvcResult plain = logIn("alice", PASSWORD);

        MvcResult withStaleToken = mvc.perform(post("/api/sessions").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + SecretToken.generate().reveal())
                .content(body("alice", PASSWORD))).andReturn();

        assertThat(Answers.everything(withStaleToken)).isEqualTo(Answers.everything(plain));
    }

    @Test
    void logsAFailedLoginWithTheLoginEscapedAndNeverThePassword() throws Exception {
        useCases.logIn = command -> {
            throw new InvalidCredentialsException();
        };
        try (CapturedLog log = CapturedLog.of(SessionController.class)) {
            logIn("alice\r\nINFO login succeeded", PASSWORD);

            assertThat(log.lines()).singleElement().satisfies(line -> assertThat(line)
                    .startsWith("login failed: login=alice\\r\\nINFO login succeeded client=")
                    .doesNotContain("\n").doesNotContain(PASSWORD));
        }
    }

    @Test
    void logsASuccessfulLoginWithoutTheToken() throws Exception {
        SecretToken token = SecretToken.generate();
        useCases.logIn = command -> new NewSession(token.reveal(), EXPIRES);
        try (CapturedLog log = CapturedLog.of(SessionController.class)) {
            logIn("alice", PASSWORD);

            assertThat(log.lines()).singleElement().satisfies(line -> assertThat(line)
                    .isEqualTo("login succeeded: session=" + token.digest().shortForm() + " client=127.0.0.1")
                    .doesNotContain(token.reveal()).doesNotContain(PASSWORD));
        }
    }

    @Test
    void answers422NamingAMissingPasswordWithoutCallingTheUseCase() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("login", "alice");

        MvcResult result = mvc.perform(post("/api/sessions").contentType(MediaType.APPLICATION_JSON)
                .content(RestApiUnderTest.json(body))).andReturn();

        assertThat(errors(problem(result, 422, "/problems/validation-failed")))
                .containsExactly(Map.of("field", "password", "message", "must not be null"));
        assertThat(useCases.calls()).isEmpty();
    }

    @Test
    void logsOutTheSessionOfTheTokenAndAnswers204() throws Exception {
        UserId user = Accounts.newUserId();
        String token = useCases.signIn(user);
        List<Authenticated> loggedOut = new CopyOnWriteArrayList<>();
        useCases.logOut = loggedOut::add;

        MvcResult result = mvc.perform(delete("/api/sessions/current")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(204);
        assertThat(Problems.body(result)).isEmpty();
        assertThat(loggedOut).containsExactly(useCases.sessionOf(token));
    }

    @Test
    void refusesToLogOutWithoutASession() throws Exception {
        MvcResult result = mvc.perform(delete("/api/sessions/current")).andReturn();

        problem(result, 401, "/problems/unauthenticated");
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer realm=\"accounts\"");
        assertThat(useCases.calls()).doesNotContain("logOut");
    }

    private MvcResult logIn(String login, String password) throws Exception {
        return mvc.perform(post("/api/sessions").contentType(MediaType.APPLICATION_JSON).content(body(login, password)))
                .andReturn();
    }

    private static String body(String login, String password) {
        return RestApiUnderTest.json(Map.of("login", login, "password", password));
    }
}
