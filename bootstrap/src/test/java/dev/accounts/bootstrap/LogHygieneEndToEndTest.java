package dev.accounts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.port.in.RegisterUserCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Runs a whole account life with every log line captured, then looks for every secret that went by: passwords,
 * session tokens, mailed tokens, password hashes. None may appear, and no user input may start a line of its own.
 */
class LogHygieneEndToEndTest {

    private static final int SMTP_PORT = RegistrationEndToEndTest.freePort();

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    private final Mailbox mailbox = new Mailbox(SMTP);
    private final List<String> secrets = new ArrayList<>();

    @Test
    void noSecretReachesTheLogAndInputCannotForgeALine() throws Exception {
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        captured.start();
        root.addAppender(captured);
        try (RunningService service = RunningService.start(SMTP_PORT, Map.of())) {
            liveALife(service);
        } finally {
            root.detachAppender(captured);
        }

        List<String> lines = captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).as("the run logged something").hasSizeGreaterThan(10);
        for (String line : lines) {
            assertThat(line).doesNotContain("$argon2");
            for (String secret : secrets) {
                assertThat(line).as("a log line holds a secret").doesNotContain(secret);
            }
        }
        // Our own lines carry user input; none may break into a second line.
        captured.list.stream().filter(event -> event.getLoggerName().startsWith("dev.accounts")
                        || event.getLoggerName().startsWith("accounts."))
                .forEach(event -> assertThat(event.getFormattedMessage()).doesNotContain("\n").doesNotContain("\r"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("\\nFORGED"));
    }

    private void liveALife(RunningService service) throws Exception {
        RegisterUserCommand user = Registrations.valid();
        secrets.add(user.password());
        service.postJson("/api/users", Map.of("username", user.username(), "email", user.email(), "password", user.password()));
        secrets.add(Mailbox.link(mailbox.await(user.email(), "Welcome")).token());

        service.call("POST", "/api/sessions", null, Map.of("login", user.username(), "password", "a wrong password 1"));
        service.call("POST", "/api/sessions", null, Map.of("login", "ghost\nFORGED audit line", "password", "x"));
        secrets.add("a wrong password 1");
        String session = RunningService.json(service.call("POST", "/api/sessions", null,
                Map.of("login", user.email(), "password", user.password()))).get("token").asString();
        secrets.add(session);
        service.call("GET", "/api/users/me", session, null);
        service.call("POST", "/api/email-verifications", null, Map.of("token", secrets.get(1)));

        String newPassword = "the second passphrase 2";
        secrets.add(newPassword);
        service.call("PUT", "/api/users/me/password", session, Map.of("currentPassword", user.password(), "newPassword", newPassword));
        String newEmail = "moved." + user.email();
        service.call("PATCH", "/api/users/me", session, Map.of("email", newEmail, "currentPassword", newPassword));
        String change = Mailbox.link(mailbox.await(newEmail, "Confirm your new email address")).token();
        secrets.add(change);
        service.call("POST", "/api/email-verifications", null, Map.of("token", change));

        service.call("POST", "/api/password-resets", null, Map.of("email", newEmail));
        String reset = Mailbox.link(mailbox.await(newEmail, "Reset your")).token();
        secrets.add(reset);
        String thirdPassword = "the third passphrase 3";
        secrets.add(thirdPassword);
        service.call("POST", "/api/password-resets/confirm", null, Map.of("token", reset, "newPassword", thirdPassword));
        service.call("DELETE", "/api/sessions/current", session, null);
        mailbox.await(newEmail, "password was changed");
    }
}
