package dev.accounts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.accounts.bootstrap.logging.RequestIdFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Every answer carries an {@code X-Request-Id}, the caller's when it is safe, and every line logged while serving the
 * request carries the same id. Hostile ids are sent over a raw socket, since an HTTP client refuses to send them, and
 * a path that exists nowhere with a plain client, since no API document can describe it.
 */
class RequestIdEndToEndTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @RegisterExtension
    static final ServiceWithMail ACCOUNTS = ServiceWithMail.withDefaults();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void answersWithAFreshIdWhenTheCallerSendsNone() throws Exception {
        String first = ACCOUNTS.service().get("/health/live").headers().firstValue("X-Request-Id").orElseThrow();
        String second = send(HttpRequest.newBuilder(uri("/no/such/page"))).headers().firstValue("X-Request-Id").orElseThrow();

        assertThat(first).matches(UUID_PATTERN);
        assertThat(second).matches(UUID_PATTERN).isNotEqualTo(first);
    }

    @Test
    void answersWithTheCallersIdWhenItIsSafe() throws Exception {
        String id = "lb-" + UUID.randomUUID();

        HttpResponse<String> answer = ACCOUNTS.service().send(HttpRequest.newBuilder(uri("/health/live"))
                .header("X-Request-Id", id).GET());

        assertThat(answer.headers().allValues("X-Request-Id")).containsExactly(id);
    }

    @Test
    void marksEveryLineLoggedForARequestWithItsId() throws Exception {
        String id = "trace-" + UUID.randomUUID();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        captured.start();
        root.addAppender(captured);
        try {
            HttpResponse<String> refused = ACCOUNTS.service().send(HttpRequest.newBuilder(uri("/api/sessions"))
                    .header("X-Request-Id", id)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"nobody-" + id + "\",\"password\":\"wrong one\"}")));
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("X-Request-Id")).hasValue(id);
        } finally {
            root.detachAppender(captured);
        }

        List<ILoggingEvent> ofTheRequest = captured.list.stream()
                .filter(event -> event.getThreadName().startsWith("http-"))
                .filter(event -> event.getLoggerName().startsWith("dev.accounts") || event.getLoggerName().startsWith("accounts."))
                .toList();
        assertThat(ofTheRequest).as("the audit line at least").isNotEmpty()
                .anySatisfy(event -> assertThat(event.getLoggerName()).isEqualTo("accounts.audit"))
                .allSatisfy(event -> assertThat(event.getMDCPropertyMap()).containsEntry(RequestIdFilter.MDC_KEY, id));
    }

    @Test
    void replacesAnIdWithUnsafeCharactersOrOfKilobytes() throws Exception {
        for (String hostile : List.of("two words", "\"quoted\"", "<script>alert(1)</script>", "%0D%0AForged: yes",
                "x".repeat(65), "k".repeat(2048))) {
            RawAnswer answer = rawGet("X-Request-Id: " + hostile + "\r\n");

            assertThat(answer.status()).as(hostile).isEqualTo(200);
            assertThat(answer.header("X-Request-Id")).as(hostile).matches(UUID_PATTERN);
            assertThat(answer.text()).doesNotContain(hostile);
        }
    }

    @Test
    void neverEchoesALineBreakOrTenKilobytesSmuggledIntoTheId() throws Exception {
        // A folded header line (CR LF and a space inside the value), then a value larger than any header Tomcat takes.
        RawAnswer folded = rawGet("X-Request-Id: innocent\r\n Injected-Header: evil\r\n");
        RawAnswer huge = rawGet("X-Request-Id: " + "h".repeat(10 * 1024) + "\r\n");

        assertThat(folded.text()).doesNotContain("Injected-Header").doesNotContain("evil");
        if (folded.status() == 200) {
            assertThat(folded.header("X-Request-Id")).matches(UUID_PATTERN);
        } else {
            assertThat(folded.status()).isEqualTo(400);
        }
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.text()).doesNotContain("hhhhhhhhhh");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET /health/live with the given extra header lines, written byte for byte. */
    private static RawAnswer rawGet(String headerLines) throws IOException {
        URI base = uri("/");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /health/live HTTP/1.1\r\nHost: localhost\r\n" + headerLines + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new RawAnswer(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
        }
    }

    private static URI uri(String path) {
        return ACCOUNTS.service().uri(path);
    }

    private record RawAnswer(String text) {

        int status() {
            return Integer.parseInt(text.substring(text.indexOf(' ') + 1, text.indexOf(' ') + 4));
        }

        String header(String name) {
            return text.lines().takeWhile(line -> !line.isEmpty())
                    .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(line -> line.substring(name.length() + 1).strip())
                    .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + text));
        }
    }
}
