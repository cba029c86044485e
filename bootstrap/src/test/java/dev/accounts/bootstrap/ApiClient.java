package dev.accounts.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTP client for the running service that checks every exchange against the {@link ApiContract}. Requests made
 * to break the document on purpose (bad JSON, a wrong type, no token) go through {@link #withoutRequestValidation()},
 * which still checks the answer.
 */
final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Function<String, URI> uris;
    private final ApiContract contract;
    private final boolean checksRequests;

    private ApiClient(Function<String, URI> uris, ApiContract contract, boolean checksRequests) {
        this.uris = uris;
        this.contract = contract;
        this.checksRequests = checksRequests;
    }

    /** A client for the service at {@code base}, checking against the document the service serves itself. */
    static ApiClient forService(URI base) {
        Function<String, URI> uris = base::resolve;
        HttpResponse<String> document = exchange(HttpRequest.newBuilder(uris.apply("/openapi.yaml")).GET().build());
        if (document.statusCode() != 200) {
            throw new AssertionError("GET /openapi.yaml answered " + document.statusCode());
        }
        return new ApiClient(uris, ApiContract.of(document.body()), true);
    }

    /** The same client for requests that break the document on purpose; their answers are still checked. */
    ApiClient withoutRequestValidation() {
        return new ApiClient(uris, contract, false);
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> postJson(String path, Object body) {
        return post(path, "application/json", JSON.writeValueAsString(body));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** A request with a JSON body (or none when {@code body} is null) and, when {@code bearer} is not null, a token. */
    HttpResponse<String> call(String method, String path, String bearer, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return send(request);
    }

    HttpResponse<String> send(HttpRequest.Builder builder) {
        HttpRequest request = builder.timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> response = exchange(request);
        contract.assertConforms(request, bodyOf(request), response, checksRequests);
        return response;
    }

    URI uri(String path) {
        return uris.apply(path);
    }

    private static HttpResponse<String> exchange(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the request's publisher sends (it can be subscribed to again); null for none. */
    private static String bodyOf(HttpRequest request) {
        HttpRequest.BodyPublisher publisher = request.bodyPublisher().orElse(null);
        if (publisher == null || publisher.contentLength() == 0) {
            return null;
        }
        CompletableFuture<byte[]> bytes = new CompletableFuture<>();
        publisher.subscribe(new Flow.Subscriber<>() {
            private final java.io.ByteArrayOutputStream collected = new java.io.ByteArrayOutputStream();

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                collected.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable failure) {
                bytes.completeExceptionally(failure);
            }

            @Override
            public void onComplete() {
                bytes.complete(collected.toByteArray());
            }
        });
        try {
            return new String(bytes.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read back the request body", e);
        }
    }
}
