package dev.accounts.bootstrap;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

/** The check every end-to-end exchange goes through catches what it is there to catch, in the real document. */
class ApiContractTest {

    private static final String USER = "{\"id\":\"019aa7b4-4f3c-7a51-9c1e-2f6b1d0e8a13\",\"username\":\"alice\","
            + "\"email\":\"alice@example.com\",\"emailVerified\":false,\"active\":true,"
            + "\"createdAt\":\"2026-11-21T20:42:44.123456Z\",\"updatedAt\":\"2026-11-21T20:42:44.123456Z\"";
    private static final String REGISTRATION =
            "{\"username\":\"alice\",\"email\":\"alice@example.com\",\"password\":\"correct horse battery staple\"}";
    private static final Map<String, List<String>> CREATED = Map.of("Content-Type", List.of("application/json"),
            "Location", List.of("/api/users/019aa7b4-4f3c-7a51-9c1e-2f6b1d0e8a13"));

    private final ApiContract contract = ApiContract.of(document());

    @Test
    void passesAnExchangeTheDocumentDescribes() {
        assertThatCode(() -> check(REGISTRATION, 201, CREATED, USER + "}", true)).doesNotThrowAnyException();
    }

    @Test
    void failsAnAnswerWithoutAHeaderTheDocumentRequires() {
        assertThatThrownBy(() -> check(REGISTRATION, 201, Map.of("Content-Type", List.of("application/json")), USER + "}", true))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Location");
    }

    @Test
    void failsAnAnswerWithAFieldTheDocumentDoesNotHave() {
        assertThatThrownBy(() -> check(REGISTRATION, 201, CREATED, USER + ",\"passwordHash\":\"$argon2id$\"}", true))
                .isInstanceOf(AssertionError.class).hasMessageContaining("passwordHash");
    }

    @Test
    void failsAStatusTheOperationDoesNotList() {
        assertThatThrownBy(() -> check(REGISTRATION, 404, problemJson(), problem("/problems/not-found", 404), true))
                .isInstanceOf(AssertionError.class).hasMessageContaining("404");
    }

    @Test
    void failsAProblemOfTheWrongTypeForItsStatus() {
        assertThatThrownBy(() -> check(REGISTRATION, 409, problemJson(), problem("/problems/validation-failed", 409)
                .replace("}", ",\"errors\":[{\"field\":\"email\",\"message\":\"is already taken\"}]}"), true))
                .isInstanceOf(AssertionError.class).hasMessageContaining("type");
    }

    @Test
    void failsARequestThatBreaksTheDocumentUnlessToldItDoesSoOnPurpose() {
        String unknownField = REGISTRATION.replace("}", ",\"superuser\":true}");
        String refused = problem("/problems/malformed-request", 400);

        assertThatThrownBy(() -> check(unknownField, 400, problemJson(), refused, true))
                .isInstanceOf(AssertionError.class).hasMessageContaining("superuser");
        assertThatCode(() -> check(unknownField, 400, problemJson(), refused, false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> check(unknownField, 400, problemJson(), refused.replace("\"title\"", "\"name\""), false))
                .isInstanceOf(AssertionError.class).hasMessageContaining("title");
    }

    private void check(String body, int status, Map<String, List<String>> headers, String answer, boolean checkRequest) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost/api/users"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        contract.assertConforms(request, body, new CannedResponse(request, status, headers, answer), checkRequest);
    }

    private static Map<String, List<String>> problemJson() {
        return Map.of("Content-Type", List.of("application/problem+json"));
    }

    private static String problem(String type, int status) {
        return "{\"type\":\"" + type + "\",\"title\":\"A title\",\"status\":" + status + ",\"detail\":\"Words.\"}";
    }

    private static String document() {
        try (InputStream in = ApiContractTest.class.getClassLoader().getResourceAsStream("openapi/openapi.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private record CannedResponse(HttpRequest request, int statusCode, Map<String, List<String>> headerMap, String body)
            implements HttpResponse<String> {

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return HttpHeaders.of(headerMap, (name, value) -> true);
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
