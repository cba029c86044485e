package dev.accounts.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.port.in.InvalidCredentialsException;
import dev.accounts.application.port.in.NewSession;
import dev.accounts.application.port.in.UserView;
import dev.accounts.domain.user.SecretToken;
import dev.accounts.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The client address every use case and log line gets: the socket peer, or what a trusted proxy forwarded. */
class ClientAddressApiTest {

    private static final String PROXY = "10.0.0.5";
    private static final String CLIENT = "198.51.100.7";
    private static final String PASSWORD = "correct horse battery staple";
    private static final RestSettings BEHIND_A_PROXY = new RestSettings(List.of("10.0.0.0/8"), List.of(), false);

    private final UseCases useCases = new UseCases();
    private final MockMvc behindAProxy = RestApiUnderTest.wiring(useCases).settings(BEHIND_A_PROXY).build();
    private final List<String> received = new CopyOnWriteArrayList<>();

    @Test
    void passesTheForwardedAddressToEveryUseCaseThatTakesOne() throws Exception {
        UserId user = Accounts.newUserId();
        String session = useCases.signIn(user);
        useCases.registerUser = command -> {
            received.add("register " + command.clientAddress());
            return new UserView(user.value(), "alice", "alice@example.org", false, true, Instant.EPOCH, Instant.EPOCH);
        };
        useCases.logIn = command -> {
            received.add("logIn " + command.clientAddress());
            return new NewSession(SecretToken.generate().reveal(), Instant.EPOCH);
        };
        useCases.getAccount = current -> {
            received.add("authenticated " + current.clientAddress());
            return Accounts.fresh(current.userId());
        };
        useCases.verifyEmail = (token, clientAddress) -> {
            received.add("verifyEmail " + clientAddress);
            return Accounts.fresh(user);
        };
        useCases.requestPasswordReset = (email, clientAddress) -> received.add("requestPasswordReset " + clientAddress);
        useCases.resetPassword = command -> received.add("resetPassword " + command.clientAddress());

        perform(post("/api/users"), RestApiUnderTest.json(Registrations.valid()));
        perform(post("/api/sessions"), RestApiUnderTest.json(Map.of("login", "alice", "password", PASSWORD)));
        behindAProxy.perform(viaTheProxy(get("/api/users/me")).header(HttpHeaders.AUTHORIZATION, "Bearer " + session));
        perform(post("/api/email-verifications"), RestApiUnderTest.json(Map.of("token", SecretToken.generate().reveal())));
        perform(post("/api/password-resets"), RestApiUnderTest.json(Map.of("email", "alice@example.org")));
        perform(post("/api/password-resets/confirm"), RestApiUnderTest.json(
                Map.of("token", SecretToken.generate().reveal(), "newPassword", PASSWORD)));

        assertThat(received).containsExactly("register " + CLIENT, "logIn " + CLIENT, "authenticated " + CLIENT,
                "verifyEmail " + CLIENT, "requestPasswordReset " + CLIENT, "resetPassword " + CLIENT);
    }

    @Test
    void ignoresTheHeaderWhenNoProxyIsTrusted() throws Exception {
        MockMvc direct = RestApiUnderTest.mockMvc(useCases);
        useCases.requestPasswordReset = (email, clientAddress) -> received.add(clientAddress);

        direct.perform(viaTheProxy(post("/api/password-resets")).contentType(MediaType.APPLICATION_JSON)
                .content(RestApiUnderTest.json(Map.of("email", "alice@example.org"))));

        assertThat(received).containsExactly(PROXY);
    }

    @Test
    void logsTheForwardedAddress() throws Exception {
        useCases.logIn = command -> {
            throw new InvalidCredentialsException();
        };
        try (CapturedLog controller = CapturedLog.of(SessionController.class);
             CapturedLog advice = CapturedLog.of(ProblemDetailsAdvice.class)) {
            perform(post("/api/sessions"), RestApiUnderTest.json(Map.of("login", "alice", "password", PASSWORD)));
            behindAProxy.perform(viaTheProxy(get("/api/users/me")));

            assertThat(controller.lines()).containsExactly("login failed: login=alice client=" + CLIENT);
            assertThat(advice.lines()).containsExactly(
                    "rejected GET /api/users/me from " + CLIENT + ": no valid session (no bearer token)");
        }
    }

    private MvcResult perform(MockHttpServletRequestBuilder request, String json) throws Exception {
        return behindAProxy.perform(viaTheProxy(request).contentType(MediaType.APPLICATION_JSON).content(json)).andReturn();
    }

    private static MockHttpServletRequestBuilder viaTheProxy(MockHttpServletRequestBuilder request) {
        return request.header("X-Forwarded-For", "203.0.113.66, " + CLIENT).with(servlet -> {
            servlet.setRemoteAddr(PROXY);
            return servlet;
        });
    }
}
