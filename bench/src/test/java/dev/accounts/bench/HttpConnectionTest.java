package dev.accounts.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load generator's HTTP client against the JDK's HTTP server: both body framings, and its requests' bytes. */
class HttpConnectionTest {

    private HttpServer server;
    private final AtomicReference<String> lastBody = new AtomicReference<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/fixed", exchange -> answer(exchange.getResponseBody(), exchange, 201, false));
        server.createContext("/chunked", exchange -> answer(exchange.getResponseBody(), exchange, 200, true));
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void readsAFixedLengthAnswerAndSendsTheJsonBodyIntact() throws IOException {
        try (HttpConnection connection = new HttpConnection(server.getAddress())) {
            HttpConnection.Response response = connection.exchange(
                    HttpConnection.post("localhost", "/fixed", "{\"name\":\"Grüße\"}"));

            assertThat(response.status()).isEqualTo(201);
            assertThat(response.text()).isEqualTo("echo {\"name\":\"Grüße\"}");
            assertThat(lastBody).hasValue("{\"name\":\"Grüße\"}");
        }
    }

    @Test
    void readsChunkedAnswersOneAfterAnotherOnOneConnection() throws IOException {
        try (HttpConnection connection = new HttpConnection(server.getAddress())) {
            for (int i = 0; i < 3; i++) {
                HttpConnection.Response response = connection.exchange(HttpConnection.get("localhost", "/chunked", "t" + i));

                assertThat(response.status()).isEqualTo(200);
                assertThat(response.text()).isEqualTo("echo Bearer t" + i);
            }
        }
    }

    private void answer(OutputStream out, com.sun.net.httpserver.HttpExchange exchange, int status, boolean chunked)
            throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        lastBody.set(body);
        String echoed = chunked ? exchange.getRequestHeaders().getFirst("Authorization") : body;
        byte[] answer = ("echo " + echoed).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, chunked ? 0 : answer.length);
        try (out) {
            out.write(answer);
        }
    }
}
