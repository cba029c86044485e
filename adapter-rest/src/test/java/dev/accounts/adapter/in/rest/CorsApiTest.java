package dev.accounts.adapter.in.rest;

import static dev.accounts.adapter.in.rest.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class CorsApiTest {

    private static final String APP = "https://app.example.com";
    private static final String OTHER_APP = "http://localhost:5173";
    private static final String STRANGER = "https://evil.example";

    private final UseCases useCases = new UseCases();
    private final MockMvc withAllowlist = RestApiUnderTest.wiring(useCases)
            .settings(new RestSettings(List.of(), List.of(APP, " http://LOCALHOST:5173 ", ""), false)).build();
    private final MockMvc byDefault = RestApiUnderTest.mockMvc(useCases);

    CorsApiTest() {
        useCases.requestPasswordReset = (email, clientAddress) -> { };
    }

    @Test
    void letsAListedOriginReadAnAnswerAndTheHeadersItNeeds() throws Exception {
        MockHttpServletResponse answer = requestReset(withAllowlist, APP).getResponse();

        assertThat(answer.getStatus()).isEqualTo(202);
        assertThat(answer.getHeader("Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(answer.getHeader("Access-Control-Expose-Headers")).isEqualTo("Location, Retry-After, WWW-Authenticate");
        assertThat(answer.getHeader("Access-Control-Allow-Credentials")).isNull();
        assertThat(answer.getHeaders(HttpHeaders.VARY)).contains("Origin");
        assertThat(requestReset(withAllowlist, OTHER_APP).getResponse().getHeader("Access-Control-Allow-Origin"))
                .isEqualTo(OTHER_APP);
    }

    @Test
    void answersAListedOriginsPreflightWithTheMethodsAndHeadersItMayUse() throws Exception {
        MvcResult result = withAllowlist.perform(preflight(APP, "PATCH", "authorization,content-type")).andReturn();

        MockHttpServletResponse answer = result.getResponse();
        assertThat(answer.getStatus()).isEqualTo(204);
        assertThat(Answers.headers(result))
                .containsEntry("access-control-allow-origin", List.of(APP))
                .containsEntry("access-control-allow-methods", List.of("GET, POST, PUT, PATCH, DELETE"))
                .containsEntry("access-control-allow-headers", List.of("Authorization, Content-Type"))
                .containsEntry("access-control-max-age", List.of("600"))
                .containsEntry("vary", List.of("Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers"))
                .doesNotContainKey("access-control-allow-credentials");
        assertThat(useCases.calls()).isEmpty();
    }

    @Test
    void givesAnyOtherOriginNoCorsHeaderAndRefusesItsPreflight() throws Exception {
        MvcResult actual = requestReset(withAllowlist, STRANGER);
        MvcResult preflight = withAllowlist.perform(preflight(STRANGER, "POST", "content-type")).andReturn();

        assertThat(actual.getResponse().getStatus()).as("served; the browser keeps it from the page").isEqualTo(202);
        assertThat(corsHeaders(actual)).isEmpty();
        problem(preflight, 403, "/problems/origin-not-allowed");
        assertThat(corsHeaders(preflight)).isEmpty();
        assertThat(Answers.everything(preflight)).doesNotContain(STRANGER);
    }

    @Test
    void matchesOriginsExactlyNotByPrefixOrSuffix() throws Exception {
        for (String lookalike : List.of("https://app.example.com.evil.example", "https://evil-app.example.com",
                "http://app.example.com", "https://app.example.com:8443", "null")) {
            assertThat(corsHeaders(requestReset(withAllowlist, lookalike))).as(lookalike).isEmpty();
        }
    }

    @Test
    void isOffByDefault() throws Exception {
        MvcResult actual = requestReset(byDefault, APP);
        MvcResult preflight = byDefault.perform(preflight(APP, "POST", "content-type")).andReturn();

        assertThat(actual.getResponse().getStatus()).isEqualTo(202);
        assertThat(corsHeaders(actual)).isEmpty();
        problem(preflight, 403, "/problems/origin-not-allowed");
        assertThat(corsHeaders(preflight)).isEmpty();
    }

    @Test
    void coversOnlyTheApi() throws Exception {
        MvcResult page = withAllowlist.perform(get("/verify-email").header(HttpHeaders.ORIGIN, APP)).andReturn();
        MvcResult health = withAllowlist.perform(get("/health/live").header(HttpHeaders.ORIGIN, APP)).andReturn();

        assertThat(corsHeaders(page)).isEmpty();
        assertThat(corsHeaders(health)).isEmpty();
    }

    @Test
    void letsAListedOriginReadAProblemToo() throws Exception {
        MvcResult result = withAllowlist.perform(get("/api/users/me").header(HttpHeaders.ORIGIN, APP)).andReturn();

        problem(result, 401, "/problems/unauthenticated");
        assertThat(result.getResponse().getHeader("Access-Control-Allow-Origin")).isEqualTo(APP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example.com/", "https://app.example.com/path", "*", "null", "app.example.com",
            "ftp://app.example.com", "https://user@app.example.com", "https://app.example.com?x=1", "https://*.example.com"})
    void refusesAnEntryThatIsNotAnExactOriginNamingIt(String entry) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CorsAllowlistFilter(List.of(APP, entry)))
                .withMessageContaining("'" + entry + "'");
    }

    @Test
    void leavesOutTheDefaultPortAsBrowsersDo() throws Exception {
        MockMvc withPort = RestApiUnderTest.wiring(useCases)
                .settings(new RestSettings(List.of(), List.of("https://app.example.com:443"), false)).build();

        assertThat(requestReset(withPort, APP).getResponse().getHeader("Access-Control-Allow-Origin")).isEqualTo(APP);
    }

    private MvcResult requestReset(MockMvc mvc, String origin) throws Exception {
        return mvc.perform(post("/api/password-resets").header(HttpHeaders.ORIGIN, origin)
                .contentType(MediaType.APPLICATION_JSON)
                .content(RestApiUnderTest.json(Map.of("email", "alice@example.org")))).andReturn();
    }

    private static MockHttpServletRequestBuilder preflight(String origin, String method, String headers) {
        return options("/api/users/me").header(HttpHeaders.ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, method)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, headers);
    }

    private static Map<String, List<String>> corsHeaders(MvcResult result) {
        Map<String, List<String>> headers = Answers.headers(result);
        headers.keySet().removeIf(name -> !name.startsWith("access-control-"));
        return headers;
    }
}
