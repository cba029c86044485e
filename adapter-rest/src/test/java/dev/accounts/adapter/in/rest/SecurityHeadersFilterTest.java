package dev.accounts.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.port.in.FieldError;
import dev.accounts.application.port.in.InvalidCredentialsException;
import dev.accounts.application.port.in.InvalidInputException;
import dev.accounts.application.port.in.InvalidTokenException;
import dev.accounts.application.port.in.NewSession;
import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.application.port.in.TooManyRequestsException;
import dev.accounts.application.port.in.UserView;
import dev.accounts.application.port.in.WrongPasswordException;
import dev.accounts.application.port.out.StoreUnavailableException;
import dev.accounts.domain.user.DuplicateUserException;
import dev.accounts.domain.user.SecretToken;
import dev.accounts.domain.user.UserId;
import jakarta.servlet.Filter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The headers of SECURITY.md on every answer: each endpoint, and an error of every kind the API gives. */
class SecurityHeadersFilterTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String APP = "https://app.example.com";
    private static final UserId USER = Accounts.newUserId();
    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /** One request, with the use cases and wiring it needs, and the status that proves it took the intended path. */
    record Exchange(String name, int status, Consumer<UseCases> useCases, UnaryOperator<RestApiUnderTest.Wiring> wiring,
                    Function<String, MockHttpServletRequestBuilder> request) {

        static Exchange of(String name, int status, Consumer<UseCases> useCases,
                           Function<String, MockHttpServletRequestBuilder> request) {
            return new Exchange(name, status, useCases, wiring -> wiring, request);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Exchange> everyEndpointAndEveryKindOfError() {
        Consumer<UseCases> nothing = useCases -> { };
        return Stream.of(
                Exchange.of("GET /health/live", 200, nothing, session -> get("/health/live")),
                Exchange.of("GET /health/ready", 200, nothing, session -> get("/health/ready")),
                Exchange.of("GET /health/ready while the store is down", 503, useCases -> useCases.readiness = () -> false,
                        session -> get("/health/ready")),
                Exchange.of("POST /api/users", 201, useCases -> useCases.registerUser = command -> user(),
                        session -> json(post("/api/users"), Registrations.valid())),
                new Exchange("POST /api/users, privately", 202, useCases -> useCases.registerUserPrivately = command -> { },
                        wiring -> wiring.settings(new RestSettings(List.of(), List.of(), true)),
                        session -> json(post("/api/users"), Registrations.valid())),
                Exchange.of("POST /api/users, taken", 409, useCases -> useCases.registerUser = command -> {
                    throw new DuplicateUserException(DuplicateUserException.Attribute.EMAIL);
                }, session -> json(post("/api/users"), Registrations.valid())),
                Exchange.of("POST /api/users, invalid", 422, useCases -> useCases.registerUser = command -> {
                    throw new InvalidInputException(List.of(new FieldError("username", "is too short")));
                }, session -> json(post("/api/users"), Registrations.valid())),
                Exchange.of("GET /api/users/{id}", 200, useCases -> useCases.getAccount = current -> Accounts.fresh(USER),
                        session -> withSession(get("/api/users/" + USER), session)),
                Exchange.of("GET /api/users/{id} of another user", 404, nothing,
                        session -> withSession(get("/api/users/" + Accounts.newUserId()), session)),
                Exchange.of("POST /api/sessions", 201, useCases -> useCases.logIn = command -> newSession(),
                        session -> json(post("/api/sessions"), Map.of("login", "alice", "password", PASSWORD))),
                Exchange.of("POST /api/sessions, refused", 401, useCases -> useCases.logIn = command -> {
                    throw new InvalidCredentialsException();
                }, session -> json(post("/api/sessions"), Map.of("login", "alice", "password", PASSWORD))),
                Exchange.of("POST /api/sessions, throttled", 429, useCases -> useCases.logIn = command -> {
                    throw new TooManyRequestsException(Duration.ofSeconds(8));
                }, session -> json(post("/api/sessions"), Map.of("login", "alice", "password", PASSWORD))),
                Exchange.of("DELETE /api/sessions/current", 204, useCases -> useCases.logOut = current -> { },
                        session -> withSession(delete("/api/sessions/current"), session)),
                Exchange.of("DELETE /api/sessions/current without a session", 401, nothing,
                        session -> delete("/api/sessions/current")),
                Exchange.of("GET /api/users/me", 200, useCases -> useCases.getAccount = current -> Accounts.fresh(USER),
                        session -> withSession(get("/api/users/me"), session)),
                Exchange.of("PATCH /api/users/me", 200, useCases -> useCases.updateAccount = command -> Accounts.fresh(USER),
                        session -> json(withSession(patch("/api/users/me"), session), Map.of("username", "alice2"))),
                Exchange.of("PATCH /api/users/me, wrong password", 403, useCases -> useCases.updateAccount = command -> {
                    throw new WrongPasswordException();
                }, session -> json(withSession(patch("/api/users/me"), session), Map.of("email", "new@example.org"))),
                Exchange.of("PATCH /api/users/me/profile", 200,
                        useCases -> useCases.updateProfile = command -> Accounts.fresh(USER),
                        session -> json(withSession(patch("/api/users/me/profile"), session), Map.of("bio", "Curious."))),
                Exchange.of("PUT /api/users/me/password", 204, useCases -> useCases.changePassword = command -> { },
                        session -> json(withSession(put("/api/users/me/password"), session),
                                Map.of("currentPassword", PASSWORD, "newPassword", "a different horse entirely"))),
                Exchange.of("PUT /api/users/me/password, throttled", 429, useCases -> useCases.changePassword = command -> {
                    throw new TooManyRequestsException(Duration.ofSeconds(8));
                }, session -> json(withSession(put("/api/users/me/password"), session),
                        Map.of("currentPassword", PASSWORD, "newPassword", "a different horse entirely"))),
                Exchange.of("POST /api/email-verifications", 200,
                        useCases -> useCases.verifyEmail = (token, client) -> Accounts.verified(Accounts.fresh(USER)),
                        session -> json(post("/api/email-verifications"), Map.of("token", mailedToken()))),
                Exchange.of("POST /api/email-verifications, used token", 400, useCases -> useCases.verifyEmail = (token, client) -> {
                    throw new InvalidTokenException();
                }, session -> json(post("/api/email-verifications"), Map.of("token", mailedToken()))),
                Exchange.of("POST /api/users/me/email-verification", 202,
                        useCases -> useCases.resendVerification = current -> { },
                        session -> withSession(post("/api/users/me/email-verification"), session)),
                Exchange.of("POST /api/password-resets", 202,
                        useCases -> useCases.requestPasswordReset = (email, client) -> { },
                        session -> json(post("/api/password-resets"), Map.of("email", "alice@example.org"))),
                Exchange.of("POST /api/password-resets/confirm", 204, useCases -> useCases.resetPassword = command -> { },
                        session -> json(post("/api/password-resets/confirm"),
                                Map.of("token", mailedToken(), "newPassword", "a different horse entirely"))),
                Exchange.of("GET /openapi.yaml", 200, nothing, session -> get("/openapi.yaml")),
                Exchange.of("GET /openapi.json", 200, nothing, session -> get("/openapi.json")),
                Exchange.of("400: malformed JSON", 400, nothing,
                        session -> post("/api/users").contentType(MediaType.APPLICATION_JSON).content("{\"username\":")),
                Exchange.of("404: no such path", 404, nothing, session -> get("/api/nothing-here")),
                Exchange.of("405: wrong method", 405, nothing, session -> get("/api/users")),
                Exchange.of("406: no JSON acceptable", 406, nothing,
                        session -> json(post("/api/users"), Registrations.valid()).accept(MediaType.TEXT_HTML)),
                Exchange.of("413: declared length", 413, nothing,
                        session -> post("/api/users").contentType(MediaType.APPLICATION_JSON).content(oversized())),
                new Exchange("413: chunked", 413, nothing, wiring -> wiring.beforeTheLimit(new UnknownLengthRequests()),
                        session -> post("/api/users").contentType(MediaType.APPLICATION_JSON).content(oversized())),
                new Exchange("413: chunked, read before Spring MVC (the response is reset)", 413, nothing,
                        wiring -> wiring.beforeTheLimit(new UnknownLengthRequests()).afterTheLimit(readsTheWholeBody()),
                        session -> post("/api/users").contentType(MediaType.APPLICATION_JSON).content(oversized())),
                Exchange.of("415: not JSON", 415, nothing,
                        session -> post("/api/users").contentType(MediaType.TEXT_PLAIN).content("alice")),
                Exchange.of("500: unexpected", 500, useCases -> useCases.registerUser = command -> {
                    throw new IllegalStateException("boom");
                }, session -> json(post("/api/users"), Registrations.valid())),
                Exchange.of("503: store unavailable", 503, useCases -> useCases.registerUser = command -> {
                    throw new StoreUnavailableException("down", null);
                }, session -> json(post("/api/users"), Registrations.valid())),
                new Exchange("CORS preflight", 204, nothing, wiring -> wiring.settings(new RestSettings(List.of(), List.of(APP), false)),
                        session -> options("/api/users").header(HttpHeaders.ORIGIN, APP)
                                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")),
                Exchange.of("CORS preflight, refused", 403, nothing,
                        session -> options("/api/users").header(HttpHeaders.ORIGIN, APP)
                                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEndpointAndEveryKindOfError")
    void putsTheHeadersOnEveryAnswer(Exchange exchange) throws Exception {
        MvcResult result = perform(exchange, RestApiUnderTest.Wiring::overHttps);

        assertThat(result.getResponse().getStatus()).isEqualTo(exchange.status());
        assertThat(Answers.headers(result))
                .containsEntry("cache-control", List.of("no-store"))
                .containsEntry("x-content-type-options", List.of("nosniff"))
                .containsEntry("referrer-policy", List.of("no-referrer"))
                .containsEntry("content-security-policy", List.of(API_POLICY))
                .containsEntry("strict-transport-security", List.of("max-age=31536000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEndpointAndEveryKindOfError")
    void asksForHttpsOnlyWhenServedOverHttps(Exchange exchange) throws Exception {
        MvcResult result = perform(exchange, wiring -> wiring);

        assertThat(result.getResponse().getStatus()).isEqualTo(exchange.status());
        assertThat(result.getResponse().getHeader("Strict-Transport-Security")).isNull();
        assertThat(result.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void letsTheLinkPagesReplaceThePolicyWithTheirOwnAndKeepsTheRest() throws Exception {
        MockMvc mvc = RestApiUnderTest.wiring(new UseCases()).overHttps().build();

        for (String page : List.of("/verify-email", "/reset-password")) {
            MvcResult result = mvc.perform(get(page).queryParam("token", mailedToken())).andReturn();

            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            assertThat(Answers.headers(result))
                    .containsEntry("cache-control", List.of("no-store"))
                    .containsEntry("x-content-type-options", List.of("nosniff"))
                    .containsEntry("referrer-policy", List.of("no-referrer"))
                    .containsEntry("strict-transport-security", List.of("max-age=31536000"));
            assertThat(result.getResponse().getHeaders("Content-Security-Policy")).singleElement()
                    .satisfies(policy -> assertThat(policy).startsWith("default-src 'none'; script-src 'sha256-")
                            .contains("frame-ancestors 'none'"));
        }
    }

    @Test
    void keepsOneCacheControlOnALogin() throws Exception {
        UseCases useCases = new UseCases();
        useCases.logIn = command -> newSession();

        MvcResult result = RestApiUnderTest.mockMvc(useCases).perform(
                json(post("/api/sessions"), Map.of("login", "alice", "password", PASSWORD))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(201);
        assertThat(result.getResponse().getHeaders(HttpHeaders.CACHE_CONTROL)).containsExactly("no-store");
    }

    private static MvcResult perform(Exchange exchange, UnaryOperator<RestApiUnderTest.Wiring> transport) throws Exception {
        UseCases useCases = new UseCases();
        String session = useCases.signIn(USER);
        exchange.useCases().accept(useCases);
        MockMvc mvc = transport.apply(exchange.wiring().apply(RestApiUnderTest.wiring(useCases))).build();
        return mvc.perform(exchange.request().apply(session)).andReturn();
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, Map<String, ?> body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(RestApiUnderTest.json(body));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, RegisterUserCommand body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(RestApiUnderTest.json(body));
    }

    private static MockHttpServletRequestBuilder withSession(MockHttpServletRequestBuilder request, String session) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + session);
    }

    private static UserView user() {
        return new UserView(USER.value(), "alice", "alice@example.org", false, true, Accounts.CREATED, Accounts.CREATED);
    }

    private static NewSession newSession() {
        return new NewSession(SecretToken.generate().reveal(), Instant.parse("2026-03-02T00:00:00Z"));
    }

    private static String mailedToken() {
        return SecretToken.generate().reveal();
    }

    private static String oversized() {
        return "{\"username\":\"" + "x".repeat(70_000) + "\"}";
    }

    /** A filter that reads the body itself, so the limit's failure escapes Spring MVC and the limit filter answers. */
    private static Filter readsTheWholeBody() {
        return (request, response, chain) -> {
            request.getInputStream().readAllBytes();
            chain.doFilter(request, response);
        };
    }
}
