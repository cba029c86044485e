package dev.accounts.adapter.in.rest;

import static dev.accounts.adapter.in.rest.Problems.errors;
import static dev.accounts.adapter.in.rest.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.domain.user.EmailAddress;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** {@code POST /api/users} with registration privacy on, in front of the application's real services. */
class RegistrationPrivacyApiTest {

    private static final RestSettings PRIVATE = new RestSettings(List.of(), List.of(), true);

    private final RestApiUnderTest api = new RestApiUnderTest();
    private final UseCases services = api.realServices();
    private final MockMvc mvc = RestApiUnderTest.wiring(services).settings(PRIVATE).build();

    @Test
    void answersANewATakenUsernameAndATakenAddressAlikeWith202() throws Exception {
        RegisterUserCommand alice = Registrations.valid();

        MvcResult created = register(alice);
        MvcResult usernameTaken = register(new RegisterUserCommand(alice.username().toUpperCase(Locale.ROOT),
                Registrations.valid().email(), alice.password()));
        MvcResult addressTaken = register(new RegisterUserCommand(Registrations.valid().username(),
                alice.email().toUpperCase(Locale.ROOT), alice.password()));

        assertThat(created.getResponse().getStatus()).isEqualTo(202);
        assertThat(Problems.body(created)).isEqualTo("{\"status\":\"accepted\"}");
        assertThat(created.getResponse().getHeader("Location")).isNull();
        assertThat(Answers.everything(usernameTaken)).isEqualTo(Answers.everything(created));
        assertThat(Answers.everything(addressTaken)).isEqualTo(Answers.everything(created));
        assertThat(api.users.all()).hasSize(1);
        assertThat(services.calls()).containsOnly("registerUserPrivately");
    }

    @Test
    void tellsTheOwnerOfATakenAddressByMailInstead() throws Exception {
        RegisterUserCommand alice = Registrations.valid();
        register(alice);

        register(new RegisterUserCommand(Registrations.valid().username(), alice.email(), alice.password()));

        assertThat(api.outbox.queuedFor(new EmailAddress(alice.email()), MailTemplate.ACCOUNT_EXISTS_NOTICE)).hasSize(1);
    }

    @Test
    void stillAnswers422ForValuesThatBreakARule() throws Exception {
        MvcResult result = register(new RegisterUserCommand("no spaces allowed", "not-an-address", "short"));

        assertThat(errors(problem(result, 422, "/problems/validation-failed")))
                .extracting(error -> error.get("field")).containsExactly("username", "email", "password");
        assertThat(api.users.all()).isEmpty();
    }

    @Test
    void logsAnAcceptedRegistrationWithoutSayingWhetherAnAccountWasMade() throws Exception {
        RegisterUserCommand alice = Registrations.valid();
        try (CapturedLog log = CapturedLog.of(UserController.class)) {
            register(alice);
            register(alice);

            assertThat(log.lines()).containsExactly("registration accepted: client=127.0.0.1",
                    "registration accepted: client=127.0.0.1");
        }
    }

    private MvcResult register(RegisterUserCommand registration) throws Exception {
        return mvc.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON)
                .content(RestApiUnderTest.json(registration))).andReturn();
    }
}
