package dev.accounts.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON encoder as the service configures it, on the events that are hardest to keep on one line. */
class ConsoleLogFormatTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LoggerContext context = new LoggerContext();
    private final Encoder<ILoggingEvent> encoder = ConsoleLogFormat.jsonEncoder(context);

    @Test
    void writesAnEventAsOneJsonObjectOnOneLineWithTheRequestId() {
        LoggingEvent event = event("rejected {}: login \"{}\"", null, Map.of(RequestIdFilter.MDC_KEY, "req-42"),
                "POST /api/sessions", "ghost\r\nFORGED\u0000");

        String line = encode(event);

        assertThat(line).endsWith("\n");
        assertThat(line.strip()).doesNotContain("\n").doesNotContain("\r");
        JsonNode json = JSON.readTree(line);
        assertThat(json.get("timestamp").asLong()).isEqualTo(event.getTimeStamp());
        assertThat(json.get("level").asString()).isEqualTo("WARN");
        assertThat(json.get("loggerName").asString()).isEqualTo("dev.accounts.Example");
        assertThat(json.get("mdc").get("requestId").asString()).isEqualTo("req-42");
        assertThat(json.get("formattedMessage").asString())
                .isEqualTo("rejected POST /api/sessions: login \"ghost\r\nFORGED\u0000\"");
        assertThat(json.has("arguments")).as("the arguments would repeat what the message says").isFalse();
    }

    @Test
    void carriesTheExceptionWithItsCause() {
        IllegalStateException failure = new IllegalStateException("outer", new IllegalArgumentException("inner\nline"));

        JsonNode json = JSON.readTree(encode(event("it failed", failure, Map.of())));

        assertThat(json.get("throwable").get("className").asString()).isEqualTo(IllegalStateException.class.getName());
        assertThat(json.get("throwable").get("message").asString()).isEqualTo("outer");
        assertThat(json.get("throwable").get("stepArray").isArray()).isTrue();
        assertThat(json.get("throwable").get("cause").get("message").asString()).isEqualTo("inner\nline");
    }

    private String encode(ILoggingEvent event) {
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    private LoggingEvent event(String message, Throwable throwable, Map<String, String> mdc, Object... arguments) {
        LoggingEvent event = new LoggingEvent(ConsoleLogFormatTest.class.getName(),
                context.getLogger("dev.accounts.Example"), Level.WARN, message, throwable, arguments);
        event.setMDCPropertyMap(mdc);
        return event;
    }
}
