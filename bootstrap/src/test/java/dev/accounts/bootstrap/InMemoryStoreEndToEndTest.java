package dev.accounts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.adapter.out.inmemory.InMemoryStore;
import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.port.in.RegisterUserCommand;
import java.net.http.HttpResponse;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import tools.jackson.databind.JsonNode;

/** The whole service on {@code ACCOUNTS_STORE=memory}, over HTTP: no database anywhere, and an account works. */
class InMemoryStoreEndToEndTest {

    @RegisterExtension
    static final ServiceWithMail ACCOUNTS = ServiceWithMail.withSettings(Map.of("ACCOUNTS_STORE", "memory"));

    @Test
    void registersLogsInAndShowsTheSignedInUser() {
        RegisterUserCommand user = Registrations.valid();

        HttpResponse<String> registered = service().postJson("/api/users",
                Map.of("username", user.username(), "email", user.email(), "password", user.password()));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        HttpResponse<String> session = service().call("POST", "/api/sessions", null,
                Map.of("login", user.email().toUpperCase(), "password", user.password()));
        assertThat(session.statusCode()).as(session.body()).isEqualTo(201);
        String token = RunningService.json(session).get("token").asString();
        HttpResponse<String> me = service().call("GET", "/api/users/me", token, null);

        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode account = RunningService.json(me);
        assertThat(account.get("id").asString()).isEqualTo(RunningService.json(registered).get("id").asString());
        assertThat(account.get("username").asString()).isEqualTo(user.username());
        assertThat(account.get("email").asString()).isEqualTo(user.email());
    }

    @Test
    void refusesATakenUsernameIgnoringCase() {
        RegisterUserCommand first = Registrations.valid();
        RegisterUserCommand second = Registrations.withUsername(first.username().toUpperCase());
        assertThat(register(first).statusCode()).isEqualTo(201);

        HttpResponse<String> taken = register(second);

        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("\"field\":\"username\"");
    }

    @Test
    void mailsTheWelcomeLinkThatVerifiesTheAddress() throws Exception {
        RegisterUserCommand user = Registrations.valid();
        assertThat(register(user).statusCode()).isEqualTo(201);

        Mailbox.Link link = Mailbox.link(ACCOUNTS.mailbox().await(user.email(), "Welcome"));
        HttpResponse<String> verified = service().postJson("/api/email-verifications", Map.of("token", link.token()));

        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(RunningService.json(verified).get("emailVerified").asBoolean()).isTrue();
    }

    @Test
    void runsWithoutADatabaseAndIsReady() {
        assertThat(service().bean(InMemoryStore.class)).isNotNull();
        assertThatThrownBy(() -> service().bean(DataSource.class)).isInstanceOf(NoSuchBeanDefinitionException.class);
        assertThat(service().get("/health/ready").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> register(RegisterUserCommand user) {
        return service().postJson("/api/users",
                Map.of("username", user.username(), "email", user.email(), "password", user.password()));
    }

    private static RunningService service() {
        return ACCOUNTS.service();
    }
}
