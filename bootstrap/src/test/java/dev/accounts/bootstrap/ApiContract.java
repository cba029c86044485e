package dev.accounts.bootstrap;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenAPI document the service serves, as a check on every exchange of the end-to-end tests: a request or an
 * answer the document does not describe (an undocumented status, header, field or media type, a body that breaks a
 * schema) fails the test that made it, so the document cannot drift from the code.
 */
final class ApiContract {

    /** Parsing the document takes a while and every test class starts a service; one parse per distinct document. */
    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    private final OpenApiInteractionValidator validator;

    private ApiContract(OpenApiInteractionValidator validator) {
        this.validator = validator;
    }

    /** @param document the OpenAPI document, as {@code GET /openapi.yaml} serves it */
    static ApiContract of(String document) {
        return new ApiContract(VALIDATORS.computeIfAbsent(document,
                text -> OpenApiInteractionValidator.createForInlineApiSpecification(text)
                        // The document says additionalProperties wherever it means it; the validator would otherwise
                        // forbid them in every schema, the parts of an allOf included, and refuse every problem.
                        .withLevelResolver(LevelResolver.create()
                                .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                                .build())
                        .build()));
    }

    /**
     * @param requestBody the body sent, or null
     * @param checkRequest false for a request that breaks the document on purpose: its answer is still checked
     * @throws AssertionError naming every mismatch
     */
    void assertConforms(HttpRequest request, String requestBody, HttpResponse<String> response, boolean checkRequest) {
        Request sent = request(request, requestBody);
        SimpleResponse.Builder answer = new SimpleResponse.Builder(response.statusCode());
        response.headers().map().forEach(answer::withHeader);
        if (!response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        ValidationReport report = checkRequest
                ? validator.validate(sent, answer.build())
                : validator.validateResponse(sent.getPath(), sent.getMethod(), answer.build());
        if (report.hasErrors()) {
            throw new AssertionError("The exchange " + request.method() + " " + request.uri().getRawPath() + " → "
                    + response.statusCode() + " does not match the OpenAPI document"
                    + (checkRequest ? "" : " (request not checked)") + ":\n"
                    + SimpleValidationReportFormat.getInstance().apply(report) + "\nanswer: " + response.body());
        }
    }

    private static Request request(HttpRequest request, String body) {
        URI uri = request.uri();
        SimpleRequest.Builder sent = new SimpleRequest.Builder(request.method().toUpperCase(Locale.ROOT), uri.getRawPath());
        request.headers().map().forEach(sent::withHeader);
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                sent.withQueryParam(decode(nameAndValue[0]), nameAndValue.length == 2 ? decode(nameAndValue[1]) : "");
            }
        }
        if (body != null) {
            sent.withBody(body);
        }
        return sent.build();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
