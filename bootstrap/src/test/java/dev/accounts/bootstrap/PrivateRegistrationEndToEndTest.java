package dev.accounts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.port.in.RegisterUserCommand;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With {@code ACCOUNTS_REGISTRATION_PRIVACY=true} a registration answers the same whether the account was made or
 * the name or address was taken; the address owner learns by mail what happened.
 */
class PrivateRegistrationEndToEndTest {

    @RegisterExtension
    static final ServiceWithMail ACCOUNTS = ServiceWithMail.withSettings(Map.of("ACCOUNTS_REGISTRATION_PRIVACY", "true"));

    @Test
    void newTakenNameAndTakenAddressAllGetTheSameAnswer() throws Exception {
        RegisterUserCommand first = Registrations.valid();
        RegisterUserCommand sameAddress = Registrations.withEmail(first.email().toUpperCase());
        RegisterUserCommand sameName = Registrations.withUsername(first.username().toUpperCase());

        HttpResponse<String> created = register(first);
        HttpResponse<String> addressTaken = register(sameAddress);
        HttpResponse<String> nameTaken = register(sameName);

        for (HttpResponse<String> response : List.of(created, addressTaken, nameTaken)) {
            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(response.body()).isEqualTo(created.body());
            assertThat(response.headers().firstValue("Location")).isEmpty();
        }
        assertThat(headerNames(addressTaken)).isEqualTo(headerNames(created)).isEqualTo(headerNames(nameTaken));

        mailbox().await(first.email(), "Welcome");
        mailbox().await(first.email(), "Someone tried to register");
        assertThat(Mailbox.text(mailbox().await(sameName.email(), "username is taken"))).contains(sameName.username());
        assertThat(service().call("POST", "/api/sessions", null,
                Map.of("login", first.username(), "password", first.password())).statusCode()).isEqualTo(201);
    }

    @Test
    void invalidValuesAreStillNamed() {
        HttpResponse<String> response = register(Registrations.withPassword("short"));
        assertThat(response.statusCode()).isEqualTo(422);
    }

    private static HttpResponse<String> register(RegisterUserCommand user) {
        return service().postJson("/api/users", Map.of("username", user.username(), "email", user.email(),
                "password", user.password()));
    }

    private static List<String> headerNames(HttpResponse<String> response) {
        return response.headers().map().keySet().stream().filter(name -> !name.equalsIgnoreCase("date")).sorted().toList();
    }

    private static RunningService service() {
        return ACCOUNTS.service();
    }

    private static Mailbox mailbox() {
        return ACCOUNTS.mailbox();
    }
}
