package dev.accounts.adapter.in.rest;

import static dev.accounts.adapter.in.rest.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.accounts.application.port.in.UnauthenticatedException;
import dev.accounts.domain.user.SecretToken;
import dev.accounts.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class AuthenticationApiTest {

    private static final String CHALLENGE = "Bearer realm=\"accounts\"";

    private final UseCases useCases = new UseCases();
    private final MockMvc mvc = RestApiUnderTest.mockMvc(useCases);
    private final UserId user = Accounts.newUserId();

    AuthenticationApiTest() {
        useCases.getAccount = current -> Accounts.fresh(current.userId());
    }

    @Test
    void answers401WithABearerChallengeWithoutAnyToken() throws Exception {
        MvcResult result = me(get("/api/users/me"));

        assertThat(problem(result, 401, "/problems/unauthenticated")).containsEntry("detail",
                "This request needs a valid session: send Authorization: Bearer <token> from POST /api/sessions.");
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo(CHALLENGE);
        assertThat(useCases.calls()).isEmpty();
    }

    @Test
    void answers401WithInvalidTokenForATokenTheUseCaseRefuses() throws Exception {
        String unknown = SecretToken.generate().reveal();

        MvcResult result = me(get("/api/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + unknown));

        problem(result, 401, "/problems/unauthenticated");
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE))
                .isEqualTo(CHALLENGE + ", error=\"invalid_token\"");
        assertThat(Answers.everything(result)).doesNotContain(unknown);
        assertThat(useCases.calls()).containsExactly("authenticate");
    }

    @Test
    void answers401ForAnExpiredOrRevokedSessionLikeForAnUnknownOne() throws Exception {
        String token = useCases.signIn(user);
        useCases.authenticate = (refused, clientAddress) -> {
            throw new UnauthenticatedException();
        };

        MvcResult result = me(get("/api/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token));

        problem(result, 401, "/problems/unauthenticated");
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE))
                .isEqualTo(CHALLENGE + ", error=\"invalid_token\"");
        assertThat(useCases.calls()).doesNotContain("getAccount");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "bearer", "BEARER", "BeArEr"})
    void acceptsTheBearerSchemeInAnyCase(String scheme) throws Exception {
        String token = useCases.signIn(user);

        MvcResult result = me(get("/api/users/me").header(HttpHeaders.AUTHORIZATION, scheme + " " + token));

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(Answers.json(result)).containsEntry("id", user.toString());
    }

    @Test
    void ignoresATokenInTheQuery() throws Exception {
        String token = useCases.signIn(user);

        MvcResult result = me(get("/api/users/me").queryParam("access_token", token).queryParam("token", token));

        problem(result, 401, "/problems/unauthenticated");
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo(CHALLENGE);
        assertThat(useCases.calls()).isEmpty();
    }

    @Test
    void refusesTwoAuthorizationHeadersEvenIfOneIsGood() throws Exception {
        String token = useCases.signIn(user);

        MvcResult result = me(get("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + SecretToken.generate().reveal()));

        problem(result, 401, "/problems/unauthenticated");
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE))
                .isEqualTo(CHALLENGE + ", error=\"invalid_request\"");
        assertThat(useCases.calls()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearer two words"})
    void refusesAMalformedBearerHeaderAsAnInvalidRequest(String header) throws Exception {
        MvcResult result = me(get("/api/users/me").header(HttpHeaders.AUTHORIZATION, header));

        problem(result, 401, "/problems/unauthenticated");
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE))
                .isEqualTo(CHALLENGE + ", error=\"invalid_request\"");
        assertThat(useCases.calls()).isEmpty();
    }

    @Test
    void answersAnotherSchemeWithAPlainChallenge() throws Exception {
        MvcResult result = me(get("/api/users/me").header(HttpHeaders.AUTHORIZATION, "Basic YWxpY2U6c2VjcmV0"));

        problem(result, 401, "/problems/unauthenticated");
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo(CHALLENGE);
        assertThat(useCases.calls()).isEmpty();
    }

    @Test
    void logsARefusedTokenWithoutTheToken() throws Exception {
        String unknown = SecretToken.generate().reveal();
        try (CapturedLog log = CapturedLog.of(ProblemDetailsAdvice.class)) {
            me(get("/api/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + unknown));

            assertThat(log.lines()).singleElement().satisfies(line -> assertThat(line)
                    .isEqualTo("rejected GET /api/users/me from 127.0.0.1: no valid session (bearer token refused)")
                    .doesNotContain(unknown));
        }
    }

    private MvcResult me(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn();
    }
}
