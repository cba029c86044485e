package dev.accounts.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors Tomcat answers itself, in a real embedded Tomcat set up as production sets it up: the security headers
 * and a problem body, never Tomcat's HTML page.
 */
class ProblemErrorReportValveTest {

    @TempDir
    static Path baseDirectory;

    private static Tomcat tomcat;
    private static int port;

    @BeforeAll
    static void startTomcat() throws LifecycleException, IOException {
        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDirectory.toString());
        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", Files.createDirectories(baseDirectory.resolve("docs")).toString());
        Tomcat.addServlet(context, "app", new Application());
        context.addServletMappingDecoded("/", "app");
        addFilter(context, "security-headers", new SecurityHeadersFilter(true));
        StandardHost host = (StandardHost) tomcat.getHost();
        host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        host.getPipeline().addValve(new ProblemErrorReportValve(true));
        ProblemCoyoteAdapter.installOn(connector, true);
        tomcat.start();
        port = connector.getLocalPort();
    }

    @AfterAll
    static void stopTomcat() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }

    @Test
    void answersAUriTomcatRefusesBeforeAnyFilterWithAProblemAndTheHeaders() throws IOException {
        for (String uri : List.of("/a%2Fb", "/../etc/passwd", "/a%00b")) {
            Answer answer = send("GET " + uri + " HTTP/1.1");

            assertThat(answer.status()).as(uri).isEqualTo(400);
            assertSecurityHeaders(answer);
            assertThat(answer.headers()).containsEntry("content-type", "application/problem+json");
            assertThat(answer.body()).isEqualTo("{\"type\":\"/problems/malformed-request\",\"title\":\"Malformed request\","
                    + "\"status\":400,\"detail\":\"The request is malformed.\"}");
        }
    }

    @Test
    void answersAMalformedOptionsAsteriskRequestWhichNeverReachesTheHostWithAProblemAndTheHeaders() throws IOException {
        // A bare CR inside a header value: Tomcat refuses the header, then answers OPTIONS * without the host.
        Answer answer = send("OPTIONS * HTTP/1.1", "X-Bad: a\rb");

        assertThat(answer.status()).isEqualTo(400);
        assertSecurityHeaders(answer);
        assertThat(answer.headers()).containsEntry("content-type", "application/problem+json");
        assertThat(answer.body()).startsWith("{\"type\":\"/problems/malformed-request\"");
    }

    @Test
    void leavesAWellFormedOptionsAsteriskRequestToTomcat() throws IOException {
        Answer answer = send("OPTIONS * HTTP/1.1");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers()).containsKey("allow");
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void answersAFailureThatEscapesTheApplicationWithAProblemAndTheHeaders() throws IOException {
        Answer answer = send("GET /throws HTTP/1.1");

        assertThat(answer.status()).isEqualTo(500);
        assertSecurityHeaders(answer);
        assertThat(answer.body()).startsWith("{\"type\":\"/problems/internal-error\"").doesNotContain("secret detail")
                .doesNotContain("Exception");
    }

    @Test
    void keepsTheHeadersWhenTheApplicationResetsTheResponseBeforeAnError() throws IOException {
        Answer answer = send("GET /resets HTTP/1.1");

        assertThat(answer.status()).isEqualTo(503);
        assertSecurityHeaders(answer);
        assertThat(answer.body()).startsWith("{\"type\":\"/problems/service-unavailable\"");
    }

    @Test
    void answersAStatusWithoutAProblemTypeOfItsOwnAsAboutBlank() throws IOException {
        Answer answer = send("GET /teapot HTTP/1.1");

        assertThat(answer.status()).isEqualTo(418);
        assertSecurityHeaders(answer);
        assertThat(answer.body()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"I'm a teapot\",\"status\":418}");
    }

    @Test
    void leavesAnAnswerTheApplicationWroteAlone() throws IOException {
        Answer answer = send("GET /hello HTTP/1.1");

        assertThat(answer.status()).isEqualTo(200);
        assertSecurityHeaders(answer);
        assertThat(answer.body()).isEqualTo("hello");
    }

    private static void assertSecurityHeaders(Answer answer) {
        assertThat(answer.headers())
                .containsEntry("cache-control", "no-store")
                .containsEntry("x-content-type-options", "nosniff")
                .containsEntry("referrer-policy", "no-referrer")
                .containsEntry("content-security-policy", "default-src 'none'; frame-ancestors 'none'")
                .containsEntry("strict-transport-security", "max-age=31536000");
        assertThat(answer.body()).doesNotContainIgnoringCase("<html").doesNotContain("Tomcat");
    }

    /** Raw HTTP/1.1, so that Tomcat sees exactly the request line written here, unnormalised. */
    private static Answer send(String requestLine, String... headerLines) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String headers = String.join("", Arrays.stream(headerLines).map(line -> line + "\r\n").toList());
            out.write((requestLine + "\r\nHost: localhost\r\n" + headers + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return Answer.parse(socket.getInputStream());
        }
    }

    record Answer(int status, Map<String, String> headers, String body) {

        static Answer parse(InputStream in) throws IOException {
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = raw.indexOf("\r\n\r\n");
            List<String> lines = new ArrayList<>(List.of(raw.substring(0, end).split("\r\n")));
            int status = Integer.parseInt(lines.removeFirst().split(" ")[1]);
            Map<String, String> headers = new TreeMap<>();
            for (String line : lines) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
            return new Answer(status, headers, raw.substring(end + 4));
        }
    }

    private static void addFilter(Context context, String name, jakarta.servlet.Filter filter) {
        FilterDef definition = new FilterDef();
        definition.setFilterName(name);
        definition.setFilter(filter);
        context.addFilterDef(definition);
        FilterMap mapping = new FilterMap();
        mapping.setFilterName(name);
        mapping.addURLPattern("/*");
        context.addFilterMap(mapping);
    }

    /** Stands in for the DispatcherServlet: one path per way a response can end. */
    private static final class Application extends HttpServlet {

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            switch (request.getRequestURI()) {
                case "/throws" -> throw new IllegalStateException("secret detail");
                case "/resets" -> {
                    response.setHeader("X-Partial", "yes");
                    response.reset();
                    response.sendError(503);
                }
                case "/teapot" -> response.sendError(418);
                default -> response.getWriter().write("hello");
            }
        }
    }
}
