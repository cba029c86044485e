package dev.accounts.adapter.in.rest;

import static dev.accounts.adapter.in.rest.Problems.errors;
import static dev.accounts.adapter.in.rest.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.accounts.application.port.in.FieldError;
import dev.accounts.application.port.in.InvalidInputException;
import dev.accounts.application.port.in.InvalidTokenException;
import dev.accounts.application.port.in.ResetPasswordCommand;
import dev.accounts.domain.user.SecretToken;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

class PasswordResetApiTest {

    private static final String NEW_PASSWORD = "a different horse entirely";

    private final UseCases useCases = new UseCases();
    private final MockMvc mvc = RestApiUnderTest.mockMvc(useCases);
    private final String mailed = SecretToken.generate().reveal();

    @Test
    void answers202AlikeWhetherOrNotTheAddressHasAnAccount() throws Exception {
        Set<String> accounts = Set.of("alice@example.org");
        List<String> mailedTo = new CopyOnWriteArrayList<>();
        useCases.requestPasswordReset = (email, clientAddress) -> {
            if (accounts.contains(email)) {
                mailedTo.add(email);
            }
        };

        MvcResult known = requestReset("alice@example.org");
        MvcResult unknown = requestReset("nobody@example.org");

        assertThat(known.getResponse().getStatus()).isEqualTo(202);
        assertThat(Problems.body(known)).isEqualTo("{\"status\":\"accepted\"}");
        assertThat(Answers.everything(unknown)).isEqualTo(Answers.everything(known));
        assertThat(mailedTo).containsExactly("alice@example.org");
    }

    @Test
    void answers422ForSomethingThatIsNotAnAddress() throws Exception {
        useCases.requestPasswordReset = (email, clientAddress) -> {
            throw new InvalidInputException(List.of(new FieldError("email", "must contain exactly one @")));
        };

        MvcResult result = requestReset("not-an-address");

        assertThat(errors(problem(result, 422, "/problems/validation-failed")))
                .containsExactly(Map.of("field", "email", "message", "must contain exactly one @"));
    }

    @Test
    void logsAResetRequestWithoutTheAddress() throws Exception {
        useCases.requestPasswordReset = (email, clientAddress) -> { };
        try (CapturedLog log = CapturedLog.of(PasswordResetController.class)) {
            requestReset("alice@example.org");

            assertThat(log.lines()).containsExactly("password reset requested: client=127.0.0.1");
        }
    }

    @Test
    void setsTheNewPasswordAndAnswers204() throws Exception {
        List<ResetPasswordCommand> received = new CopyOnWriteArrayList<>();
        useCases.resetPassword = received::add;

        MvcResult result = confirm(mailed, NEW_PASSWORD);

        assertThat(result.getResponse().getStatus()).isEqualTo(204);
        assertThat(Problems.body(result)).isEmpty();
        assertThat(received).singleElement().satisfies(command -> {
            assertThat(command.token()).isEqualTo(mailed);
            assertThat(command.newPassword()).isEqualTo(NEW_PASSWORD);
            assertThat(command.clientAddress()).isEqualTo("127.0.0.1");
        });
    }

    @Test
    void answers400ForATokenThatCannotBeUsed() throws Exception {
        useCases.resetPassword = command -> {
            throw new InvalidTokenException();
        };

        MvcResult result = confirm(mailed, NEW_PASSWORD);

        problem(result, 400, "/problems/invalid-token");
        assertThat(Answers.everything(result)).doesNotContain(mailed).doesNotContain(NEW_PASSWORD);
    }

    @Test
    void answers422NamingTheRuleTheNewPasswordBreaks() throws Exception {
        useCases.resetPassword = command -> {
            throw new InvalidInputException(List.of(new FieldError("newPassword",
                    "is too common: it appears in a list of frequently used passwords")));
        };

        MvcResult result = confirm(mailed, "password1234");

        assertThat(errors(problem(result, 422, "/problems/validation-failed"))).containsExactly(Map.of(
                "field", "newPassword", "message", "is too common: it appears in a list of frequently used passwords"));
        assertThat(Answers.everything(result)).doesNotContain("password1234").doesNotContain(mailed);
    }

    @Test
    void answers422NamingMissingFieldsWithoutCallingTheUseCase() throws Exception {
        MvcResult result = mvc.perform(post("/api/password-resets/confirm").contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andReturn();

        assertThat(errors(problem(result, 422, "/problems/validation-failed"))).containsExactly(
                Map.of("field", "newPassword", "message", "must not be null"),
                Map.of("field", "token", "message", "must not be null"));
        assertThat(useCases.calls()).isEmpty();
    }

    @Test
    void neverLogsTheTokenOrThePassword() throws Exception {
        useCases.resetPassword = command -> {
            throw new InvalidTokenException();
        };
        try (CapturedLog controller = CapturedLog.of(PasswordResetController.class);
             CapturedLog advice = CapturedLog.of(ProblemDetailsAdvice.class)) {
            confirm(mailed, NEW_PASSWORD);

            assertThat(advice.lines()).containsExactly(
                    "rejected POST /api/password-resets/confirm from 127.0.0.1: invalid, used or expired token");
            assertThat(controller.lines()).isEmpty();
        }
    }

    private MvcResult requestReset(String email) throws Exception {
        return mvc.perform(post("/api/password-resets").contentType(MediaType.APPLICATION_JSON)
                .content(RestApiUnderTest.json(Map.of("email", email)))).andReturn();
    }

    private MvcResult confirm(String token, String newPassword) throws Exception {
        return mvc.perform(post("/api/password-resets/confirm").contentType(MediaType.APPLICATION_JSON)
                .content(RestApiUnderTest.json(Map.of("token", token, "newPassword", newPassword)))).andReturn();
    }
}
