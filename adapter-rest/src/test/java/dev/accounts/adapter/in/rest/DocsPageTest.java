package dev.accounts.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * {@code GET /docs} and its files, in a Spring MVC configured as production configures it ({@code @EnableWebMvc} and
 * {@link RestApiConfigurer}, whose resource handlers a standalone MockMvc would not run).
 */
class DocsPageTest {

    private static final Pattern REFERENCE = Pattern.compile("(?:src|href)=\"([^\"]*)\"");

    private final AnnotationConfigWebApplicationContext context = new AnnotationConfigWebApplicationContext();
    private final MockMvc web = webApplication();

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void servesThePageUnderAPolicyOfItsOwnThatAllowsThisOriginOnly() throws Exception {
        MvcResult page = web.perform(get("/docs")).andReturn();

        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(page.getResponse().getContentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(page.getResponse().getHeaders("Content-Security-Policy")).containsExactly(DocsPageController.CONTENT_SECURITY_POLICY);
        assertThat(DocsPageController.CONTENT_SECURITY_POLICY)
                .startsWith("default-src 'none';").contains("script-src 'self';", "frame-ancestors 'none'")
                .doesNotContain("unsafe", "http", "*");
        assertThat(Answers.headers(page))
                .containsEntry("cache-control", List.of("no-store"))
                .containsEntry("x-content-type-options", List.of("nosniff"))
                .containsEntry("referrer-policy", List.of("no-referrer"));
    }

    @Test
    void keepsTheApisPolicyEverywhereElse() throws Exception {
        MvcResult document = web.perform(get("/openapi.json")).andReturn();

        assertThat(document.getResponse().getHeader("Content-Security-Policy"))
                .isEqualTo(SecurityHeaders.API_CONTENT_SECURITY_POLICY);
    }

    @Test
    void loadsEveryFileFromThisServiceAndRunsNoInlineScript() throws Exception {
        String html = web.perform(get("/docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(html).doesNotContain("<script>", "style=", "http:", "https:", "//");
        List<String> files = references(html).stream().filter(reference -> !reference.startsWith("data:")).toList();
        assertThat(files).containsExactlyInAnyOrder("docs/swagger-ui.css", "docs/swagger-ui-bundle.js", "docs/docs.js",
                "openapi.yaml");
        for (String file : files) {
            MvcResult answer = web.perform(get("/" + file)).andReturn();
            assertThat(answer.getResponse().getStatus()).as(file).isEqualTo(200);
            assertThat(answer.getResponse().getContentLength()).as(file).isPositive();
        }
        assertThat(web.perform(get("/docs/swagger-ui-bundle.js")).andReturn().getResponse().getContentType())
                .startsWith("text/javascript");
        assertThat(web.perform(get("/docs/swagger-ui.css")).andReturn().getResponse().getContentType())
                .startsWith("text/css");
    }

    @Test
    void startsSwaggerUiOnThisServicesDocumentWithoutCallingAnyOtherSite() throws Exception {
        String script = web.perform(get("/docs/docs.js")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(script).contains("url: \"openapi.json\"", "validatorUrl: null").doesNotContain("http:", "https:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/docs/index.html", "/docs/swagger-initializer.js", "/docs/oauth2-redirect.html",
            "/docs/swagger-ui.js", "/docs/", "/docs/../docs/docs.js"})
    void servesNothingElseOfTheWebjar(String path) throws Exception {
        MvcResult answer = web.perform(get(path)).andReturn();

        assertThat(answer.getResponse().getStatus()).isEqualTo(404);
        assertThat(answer.getResponse().getContentType()).isEqualTo("application/problem+json");
    }

    private static List<String> references(String html) {
        Matcher matcher = REFERENCE.matcher(html);
        List<String> references = new java.util.ArrayList<>();
        while (matcher.find()) {
            references.add(matcher.group(1));
        }
        return references;
    }

    private MockMvc webApplication() {
        context.setServletContext(new MockServletContext());
        context.register(ProductionLikeWebMvc.class);
        context.refresh();
        return MockMvcBuilders.webAppContextSetup(context).addFilters(new SecurityHeadersFilter(false)).build();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebMvc
    static class ProductionLikeWebMvc {

        @Bean
        RestApiConfigurer restApiConfigurer() {
            return new RestApiConfigurer(new UseCases().authentication(), RestSettings.DEFAULTS);
        }

        @Bean
        ProblemDetailsAdvice problemDetailsAdvice(RestApiConfigurer configurer) {
            return new ProblemDetailsAdvice(configurer.clientAddresses());
        }

        @Bean
        DocsPageController docsPageController() {
            return new DocsPageController();
        }

        @Bean
        ApiDocumentController apiDocumentController() {
            return new ApiDocumentController(ApiDocument.load());
        }
    }
}
