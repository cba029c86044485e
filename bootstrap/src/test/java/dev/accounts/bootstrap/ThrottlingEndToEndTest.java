package dev.accounts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.port.in.RegisterUserCommand;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Password guessing over HTTP: slowed per account, with the same 429 whatever the password; a reset still works. */
class ThrottlingEndToEndTest {

    // Long waits, so that the test sees the block; a large client allowance, so that only the account counts.
    @RegisterExtension
    static final ServiceWithMail ACCOUNTS = ServiceWithMail.withSettings(Map.of(
            "ACCOUNTS_THROTTLE_FIRST_WAIT", "1m", "ACCOUNTS_THROTTLE_CLIENT_FREE_FAILURES", "1000"));

    @Test
    void theFifthFailureBlocksTheAccountEvenForTheRightPasswordUntilAResetLiftsIt() throws Exception {
        RegisterUserCommand user = register();
        for (int i = 1; i <= 5; i++) {
            assertThat(logIn(user.username(), "wrong guess number " + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> wrong = logIn(user.username(), "wrong guess number 6");
        HttpResponse<String> right = logIn(user.username(), user.password());
        assertThat(wrong.statusCode()).isEqualTo(429);
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.body()).isEqualTo(wrong.body());
        assertThat(right.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));

        assertThat(service().call("POST", "/api/password-resets", null, Map.of("email", user.email())).statusCode())
                .isEqualTo(202);
        String token = Mailbox.link(mailbox().await(user.email(), "Reset your")).token();
        String newPassword = "unlocked by the reset 99";
        assertThat(service().call("POST", "/api/password-resets/confirm", null,
                Map.of("token", token, "newPassword", newPassword)).statusCode()).isEqualTo(204);
        assertThat(logIn(user.username(), newPassword).statusCode()).isEqualTo(201);
    }

    @Test
    void failuresForANameWithoutAnAccountDoNotBlockItsLaterRegistration() {
        RegisterUserCommand future = Registrations.valid();
        for (int i = 1; i <= 8; i++) {
            assertThat(logIn(future.username(), "guess " + i + " for nobody").statusCode()).isEqualTo(401);
        }
        register(future);
        assertThat(logIn(future.username(), future.password()).statusCode()).isEqualTo(201);
    }

    private static RegisterUserCommand register() {
        return register(Registrations.valid());
    }

    private static RegisterUserCommand register(RegisterUserCommand user) {
        HttpResponse<String> response = service().postJson("/api/users",
                Map.of("username", user.username(), "email", user.email(), "password", user.password()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return user;
    }

    private static HttpResponse<String> logIn(String login, String password) {
        return service().call("POST", "/api/sessions", null, Map.of("login", login, "password", password));
    }

    private static RunningService service() {
        return ACCOUNTS.service();
    }

    private static Mailbox mailbox() {
        return ACCOUNTS.mailbox();
    }
}
