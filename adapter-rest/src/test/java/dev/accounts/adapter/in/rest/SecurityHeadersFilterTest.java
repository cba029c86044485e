package dev.accounts.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.accounts.application.port.in.NewSession;
import dev.accounts.domain.user.SecretToken;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

class SecurityHeadersFilterTest {

    private final UseCases useCases = new UseCases();
    private final MockMvc mvc = RestApiUnderTest.mockMvc(useCases, new SecurityHeadersFilter(false));

    @Test
    void putsTheHeadersOnAnApiAnswer() throws Exception {
        assertApiHeaders(mvc.perform(get("/health/live")).andReturn());
    }

    @Test
    void putsTheHeadersOnAProblem() throws Exception {
        assertApiHeaders(mvc.perform(get("/api/nothing-here")).andReturn());
        assertApiHeaders(mvc.perform(get("/api/users/me")).andReturn());
    }

    @Test
    void putsTheHeadersOnATooLargeBodyRefusedBeforeSpring() throws Exception {
        MvcResult result = mvc.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + "x".repeat(70_000) + "\"}")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(413);
        assertApiHeaders(result);
    }

    @Test
    void keepsOneCacheControlOnALogin() throws Exception {
        useCases.logIn = command -> new NewSession(SecretToken.generate().reveal(), Instant.parse("2026-03-02T00:00:00Z"));

        MvcResult result = mvc.perform(post("/api/sessions").contentType(MediaType.APPLICATION_JSON)
                .content(RestApiUnderTest.json(Map.of("login", "alice", "password", "correct horse battery staple"))))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(201);
        assertThat(result.getResponse().getHeaders(HttpHeaders.CACHE_CONTROL)).containsExactly("no-store");
    }

    @Test
    void letsALinkPageReplaceThePolicyWithItsOwn() throws Exception {
        MvcResult result = mvc.perform(get("/verify-email")).andReturn();

        assertThat(result.getResponse().getHeaders("Content-Security-Policy")).singleElement()
                .satisfies(policy -> assertThat(policy).contains("script-src 'sha256-"));
        assertThat(result.getResponse().getHeaders(HttpHeaders.CACHE_CONTROL)).containsExactly("no-store");
    }

    @Test
    void asksForHttpsOnlyWhenServedOverHttps() throws Exception {
        MockMvc overHttps = RestApiUnderTest.mockMvc(new UseCases(), new SecurityHeadersFilter(true));

        assertThat(overHttps.perform(get("/health/live")).andReturn().getResponse()
                .getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000");
        assertThat(mvc.perform(get("/health/live")).andReturn().getResponse()
                .getHeader("Strict-Transport-Security")).isNull();
    }

    private static void assertApiHeaders(MvcResult result) {
        assertThat(Answers.headers(result))
                .containsEntry("cache-control", List.of("no-store"))
                .containsEntry("x-content-type-options", List.of("nosniff"))
                .containsEntry("referrer-policy", List.of("no-referrer"))
                .containsEntry("content-security-policy", List.of("default-src 'none'; frame-ancestors 'none'"));
    }
}
