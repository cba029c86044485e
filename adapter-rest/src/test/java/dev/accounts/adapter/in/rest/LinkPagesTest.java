package dev.accounts.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.accounts.domain.user.SecretToken;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

class LinkPagesTest {

    private static final Pattern EVENT_HANDLER_ATTRIBUTE = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    private final UseCases useCases = new UseCases();
    private final MockMvc mvc = RestApiUnderTest.mockMvc(useCases);

    @ParameterizedTest
    @ValueSource(strings = {"/verify-email", "/reset-password"})
    void servesAnHtmlPageThatNothingCachesFramesOrSniffsAndThatSendsNoReferrer(String path) throws Exception {
        MvcResult result = open(path, SecretToken.generate().reveal());

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(result.getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(result.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
        assertThat(result.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(result.getResponse().getHeaders("Content-Security-Policy")).singleElement().satisfies(policy ->
                assertThat(policy).matches("default-src 'none'; script-src 'sha256-[A-Za-z0-9+/]{43}='; "
                        + "style-src 'sha256-[A-Za-z0-9+/]{43}='; connect-src 'self'; form-action 'self'; "
                        + "frame-ancestors 'none'; base-uri 'none'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/verify-email", "/reset-password"})
    void allowsExactlyThePagesOwnScriptAndStyleByTheirHashes(String path) throws Exception {
        MvcResult result = open(path, SecretToken.generate().reveal());
        String html = Problems.body(result);
        String policy = result.getResponse().getHeader("Content-Security-Policy");

        assertThat(policy)
                .contains("script-src " + LinkPage.sha256Source(LinkPage.onlyElement(html, "script", path)) + ";")
                .contains("style-src " + LinkPage.sha256Source(LinkPage.onlyElement(html, "style", path)) + ";");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/verify-email", "/reset-password"})
    void loadsNothingFromElsewhereAndHasNoInlineHandlersOrStyles(String path) throws Exception {
        String html = Problems.body(open(path, SecretToken.generate().reveal()));

        assertThat(html).doesNotContainIgnoringCase("http").doesNotContain("//")
                .doesNotContainIgnoringCase(" src=").doesNotContainIgnoringCase(" href=")
                .doesNotContainIgnoringCase(" style=").doesNotContainIgnoringCase("javascript:")
                .doesNotContain("innerHTML").doesNotContain("eval(");
        assertThat(EVENT_HANDLER_ATTRIBUTE.matcher(html).find()).as("inline event handler").isFalse();
        assertThat(html).contains("<meta name=\"referrer\" content=\"no-referrer\">");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/verify-email", "/reset-password"})
    void neverWritesTheTokenIntoThePage(String path) throws Exception {
        String token = SecretToken.generate().reveal();
        String hostile = "\"><script>alert(1)</script>";

        assertThat(Problems.body(open(path, token))).doesNotContain(token);
        assertThat(Problems.body(open(path, hostile))).doesNotContain("alert(1)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/verify-email", "/reset-password"})
    void usesNoTokenOnGet(String path) throws Exception {
        open(path, SecretToken.generate().reveal());
        open(path, SecretToken.generate().reveal());

        assertThat(useCases.calls()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/verify-email?token=x", "/reset-password?token=x"})
    void readsTheTokenFromTheAddressInThePage(String path) throws Exception {
        String html = Problems.body(mvc.perform(get(path)).andReturn());

        assertThat(html).contains("new URLSearchParams(window.location.search).get(\"token\")")
                .contains("credentials: \"omit\"");
    }

    @Test
    void verifyPageHasTheButtonAndSaysWhatHappenedInPlainWords() throws Exception {
        String html = Problems.body(open("/verify-email", SecretToken.generate().reveal()));

        assertThat(html).contains(">Verify my email address</button>")
                .contains("fetch(\"api/email-verifications\"")
                .contains("JSON.stringify({ token })")
                .contains("\"Your email address is verified.\"")
                .contains("\"This link is invalid or has expired.\"");
    }

    @Test
    void resetPageAsksForTheNewPasswordTwiceAndSaysWhatHappened() throws Exception {
        String html = Problems.body(open("/reset-password", SecretToken.generate().reveal()));

        assertThat(html).contains("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"new-password\" required>")
                .contains("<input id=\"repeat\" name=\"repeat\" type=\"password\" autocomplete=\"new-password\" required>")
                .contains("password.value !== repeat.value")
                .contains("\"The two passwords do not match.\"")
                .contains("fetch(\"api/password-resets/confirm\"")
                .contains("JSON.stringify({ token, newPassword: password.value })")
                .contains("\"The new password \" + error.message")
                .contains("\"This link is invalid or has expired.\"");
    }

    private MvcResult open(String path, String token) throws Exception {
        return mvc.perform(get(path).queryParam("token", token)).andReturn();
    }
}
