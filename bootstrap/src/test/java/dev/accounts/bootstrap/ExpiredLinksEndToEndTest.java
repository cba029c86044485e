package dev.accounts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.port.in.RegisterUserCommand;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Links stop working when their lifetime is over (here configured down to one second). */
class ExpiredLinksEndToEndTest {

    private static final int SMTP_PORT = RegistrationEndToEndTest.freePort();

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
            .withPerMethodLifecycle(false);

    private static RunningService service;
    private final Mailbox mailbox = new Mailbox(SMTP);

    @BeforeAll
    static void startService() {
        service = RunningService.start(SMTP_PORT, Map.of(
                "ACCOUNTS_VERIFICATION_TOKEN_LIFETIME", "1s",
                "ACCOUNTS_PASSWORD_RESET_TOKEN_LIFETIME", "1s"));
    }

    @AfterAll
    static void stopService() throws Exception {
        service.close();
    }

    @Test
    void expiredVerificationAndResetLinksAreRefused() throws Exception {
        RegisterUserCommand user = Registrations.valid();
        assertThat(service.postJson("/api/users", Map.of("username", user.username(), "email", user.email(),
                "password", user.password())).statusCode()).isEqualTo(201);
        assertThat(service.call("POST", "/api/password-resets", null, Map.of("email", user.email())).statusCode())
                .isEqualTo(202);
        var welcome = mailbox.await(user.email(), "Welcome");
        assertThat(Mailbox.text(welcome)).contains("valid for 1 second");
        String verification = Mailbox.link(welcome).token();
        String reset = Mailbox.link(mailbox.await(user.email(), "Reset your")).token();

        Thread.sleep(1_500);

        assertThat(service.call("POST", "/api/email-verifications", null, Map.of("token", verification)).statusCode())
                .isEqualTo(400);
        assertThat(service.call("POST", "/api/password-resets/confirm", null,
                Map.of("token", reset, "newPassword", "too late for this one")).statusCode()).isEqualTo(400);
    }
}
