package dev.accounts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.port.in.RegisterUserCommand;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Links stop working when their lifetime is over (here configured down to one second). */
class ExpiredLinksEndToEndTest {

    @RegisterExtension
    static final ServiceWithMail ACCOUNTS = ServiceWithMail.withSettings(Map.of(
            "ACCOUNTS_VERIFICATION_TOKEN_LIFETIME", "1s", "ACCOUNTS_PASSWORD_RESET_TOKEN_LIFETIME", "1s"));

    @Test
    void expiredVerificationAndResetLinksAreRefused() throws Exception {
        RegisterUserCommand user = Registrations.valid();
        assertThat(service().postJson("/api/users", Map.of("username", user.username(), "email", user.email(),
                "password", user.password())).statusCode()).isEqualTo(201);
        assertThat(service().call("POST", "/api/password-resets", null, Map.of("email", user.email())).statusCode())
                .isEqualTo(202);
        var welcome = mailbox().await(user.email(), "Welcome");
        assertThat(Mailbox.text(welcome)).contains("valid for 1 second");
        String verification = Mailbox.link(welcome).token();
        String reset = Mailbox.link(mailbox().await(user.email(), "Reset your")).token();

        Thread.sleep(1_500);

        assertThat(service().call("POST", "/api/email-verifications", null, Map.of("token", verification)).statusCode())
                .isEqualTo(400);
        assertThat(service().call("POST", "/api/password-resets/confirm", null,
                Map.of("token", reset, "newPassword", "too late for this one")).statusCode()).isEqualTo(400);
    }

    private static RunningService service() {
        return ACCOUNTS.service();
    }

    private static Mailbox mailbox() {
        return ACCOUNTS.mailbox();
    }
}
