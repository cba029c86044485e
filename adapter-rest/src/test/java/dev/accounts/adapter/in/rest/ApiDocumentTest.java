package dev.accounts.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI document: valid 3.1, served in YAML and JSON alike, and true to the controllers and the problems. */
class ApiDocumentTest {

    private final MockMvc api = RestApiUnderTest.mockMvc(new UseCases());
    private final JsonNode document = OpenApiOperations.document();

    @Test
    void isAnOpenApi31DocumentThatToolsReadWithoutComplaint() {
        String yaml = new String(ClassPathFile.read(ApiDocument.RESOURCE), StandardCharsets.UTF_8);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);

        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(yaml, null, options);

        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.1.");
    }

    @Test
    void documentsEveryControllerMappingAndNoOperationThatIsNotMapped() {
        Set<String> mapped = ControllerMappings.ofThisModule();
        Set<String> documented = OpenApiOperations.servedByThisModule(document);

        assertThat(ControllerMappings.controllers()).contains(UserController.class, ApiDocumentController.class);
        assertThat(difference(mapped, documented)).as("mapped by a controller but not in %s", ApiDocument.RESOURCE).isEmpty();
        assertThat(difference(documented, mapped)).as("in %s but mapped by no controller", ApiDocument.RESOURCE).isEmpty();
    }

    @Test
    void saysWhichModuleServesEachOperationThisModuleDoesNot() {
        assertThat(OpenApiOperations.servedElsewhere(document)).allSatisfy(operation -> assertThat(
                ControllerMappings.ofThisModule()).as("mapped here, yet marked x-served-by").doesNotContain(operation));
        document.at("/paths").forEach(path -> path.forEach(operation -> {
            if (operation.has("x-served-by")) {
                assertThat(operation.get("x-served-by").asString()).isEqualTo("bootstrap");
            }
        }));
    }

    @Test
    void namesEveryProblemTypeTheApiAnswersWithAndNoOther() {
        Set<String> documented = new HashSet<>();
        document.at("/components/schemas/Problem/properties/type/enum").forEach(type -> documented.add(type.asString()));
        Set<String> answered = new HashSet<>(Arrays.stream(ProblemType.values()).map(kind -> kind.type().toString()).toList());
        answered.add("about:blank"); // the type of a status that has no kind of its own (RFC 9457 §4.2.1)

        assertThat(documented).containsExactlyInAnyOrderElementsOf(answered);
    }

    @Test
    void servesTheYamlAsWrittenAndTheSameDocumentAsJson() throws Exception {
        MvcResult yaml = api.perform(get("/openapi.yaml")).andReturn();
        MvcResult json = api.perform(get("/openapi.json")).andReturn();

        assertThat(yaml.getResponse().getStatus()).isEqualTo(200);
        assertThat(yaml.getResponse().getContentType()).isEqualTo("application/yaml");
        assertThat(yaml.getResponse().getContentAsByteArray()).isEqualTo(ClassPathFile.read(ApiDocument.RESOURCE));
        assertThat(json.getResponse().getStatus()).isEqualTo(200);
        assertThat(json.getResponse().getContentType()).isEqualTo("application/json");
        assertThat(JsonMapper.builder().build().readTree(json.getResponse().getContentAsByteArray())).isEqualTo(document);
    }

    @Test
    void keepsTheDocumentsNonAsciiTextIntact() throws Exception {
        String json = new String(api.perform(get("/openapi.json")).andReturn().getResponse().getContentAsByteArray(),
                StandardCharsets.UTF_8);

        assertThat(json).contains("RFC 6750 §3");
    }

    private static Set<String> difference(Set<String> these, Set<String> those) {
        Set<String> left = new java.util.TreeSet<>(these);
        left.removeAll(those);
        return left;
    }
}
