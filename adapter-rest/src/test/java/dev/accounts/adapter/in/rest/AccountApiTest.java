package dev.accounts.adapter.in.rest;

import static dev.accounts.adapter.in.rest.Problems.errors;
import static dev.accounts.adapter.in.rest.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.accounts.application.port.in.AccountView;
import dev.accounts.application.port.in.ChangePasswordCommand;
import dev.accounts.application.port.in.FieldError;
import dev.accounts.application.port.in.InvalidInputException;
import dev.accounts.application.port.in.UpdateAccountCommand;
import dev.accounts.application.port.in.WrongPasswordException;
import dev.accounts.domain.user.DuplicateUserException;
import dev.accounts.domain.user.UserId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

class AccountApiTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String NEW_PASSWORD = "a different horse entirely";

    private final UseCases useCases = new UseCases();
    private final MockMvc mvc = RestApiUnderTest.mockMvc(useCases);
    private final UserId user = Accounts.newUserId();
    private final String token = useCases.signIn(user);
    private final AccountView account = Accounts.fresh(user);

    @Test
    void showsTheAccountWithEveryFieldAndNullsForWhatIsUnset() throws Exception {
        useCases.getAccount = current -> current.userId().equals(user) ? account : null;

        MvcResult result = mvc.perform(get("/api/users/me").header(HttpHeaders.AUTHORIZATION, bearer())).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
        assertThat(Problems.body(result)).contains("\"pendingEmail\":null").contains("\"fullName\":null");
        Map<String, Object> body = Answers.json(result);
        assertThat(body).containsOnlyKeys("id", "username", "email", "emailVerified", "active", "createdAt",
                "updatedAt", "pendingEmail", "profile");
        assertThat(body)
                .containsEntry("id", user.toString())
                .containsEntry("username", "alice")
                .containsEntry("email", "alice@example.org")
                .containsEntry("emailVerified", false)
                .containsEntry("active", true)
                .containsEntry("createdAt", "2026-03-01T10:15:30.123456Z")
                .containsEntry("updatedAt", "2026-03-02T08:00:00.500Z")
                .containsEntry("pendingEmail", null);
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("fullName", null);
        profile.put("bio", null);
        assertThat(body.get("profile")).isEqualTo(profile);
    }

    @Test
    void showsThePendingEmailAndTheProfileWhenSet() throws Exception {
        useCases.getAccount = current -> Accounts.withProfile(
                Accounts.withPendingEmail(account, "new@example.org"), "Alice Liddell", "Curious.");

        Map<String, Object> body = Answers.json(mvc.perform(get("/api/users/me").header(HttpHeaders.AUTHORIZATION, bearer()))
                .andReturn());

        assertThat(body).containsEntry("pendingEmail", "new@example.org")
                .containsEntry("profile", Map.of("fullName", "Alice Liddell", "bio", "Curious."));
    }

    @Test
    void changesTheUsernameAlone() throws Exception {
        List<UpdateAccountCommand> received = new CopyOnWriteArrayList<>();
        useCases.updateAccount = command -> {
            received.add(command);
            return Accounts.withUsername(account, command.username());
        };

        MvcResult result = patchMe(MediaType.APPLICATION_JSON, Map.of("username", "alice2"));

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(Answers.json(result)).containsEntry("username", "alice2");
        assertThat(received).containsExactly(
                new UpdateAccountCommand(useCases.sessionOf(token), "alice2", null, null));
    }

    @Test
    void startsAnAddressChangeFromAMergePatch() throws Exception {
        List<UpdateAccountCommand> received = new CopyOnWriteArrayList<>();
        useCases.updateAccount = command -> {
            received.add(command);
            return Accounts.withPendingEmail(account, command.email());
        };

        MvcResult result = patchMe(MediaType.valueOf("application/merge-patch+json"),
                Map.of("email", "new@example.org", "currentPassword", PASSWORD));

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(Answers.json(result)).containsEntry("email", "alice@example.org")
                .containsEntry("pendingEmail", "new@example.org");
        assertThat(received).containsExactly(
                new UpdateAccountCommand(useCases.sessionOf(token), null, "new@example.org", PASSWORD));
        assertThat(Problems.body(result)).doesNotContain(PASSWORD);
    }

    @Test
    void answers403WhenTheCurrentPasswordIsWrong() throws Exception {
        useCases.updateAccount = command -> {
            throw new WrongPasswordException();
        };

        MvcResult result = patchMe(MediaType.APPLICATION_JSON, Map.of("email", "new@example.org", "currentPassword", "guess"));

        assertThat(problem(result, 403, "/problems/wrong-password"))
                .containsEntry("detail", "The current password is wrong or missing.");
        assertThat(Answers.everything(result)).doesNotContain("guess");
    }

    @Test
    void answers409WhenTheNewUsernameIsTaken() throws Exception {
        useCases.updateAccount = command -> {
            throw new DuplicateUserException(DuplicateUserException.Attribute.USERNAME);
        };

        MvcResult result = patchMe(MediaType.APPLICATION_JSON, Map.of("username", "Bob"));

        assertThat(errors(problem(result, 409, "/problems/already-taken")))
                .containsExactly(Map.of("field", "username", "message", "is already taken"));
    }

    @Test
    void answers422NamingAnInvalidUsername() throws Exception {
        useCases.updateAccount = command -> {
            throw new InvalidInputException(List.of(new FieldError("username", "must be 3 to 32 characters long")));
        };

        MvcResult result = patchMe(MediaType.APPLICATION_JSON, Map.of("username", "x"));

        assertThat(errors(problem(result, 422, "/problems/validation-failed")))
                .containsExactly(Map.of("field", "username", "message", "must be 3 to 32 characters long"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"superuser", "id", "emailVerified", "active", "passwordHash", "pendingEmail", "createdAt"})
    void refusesAReadOnlyFieldNamingItAndChangesNothing(String field) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", "alice2");
        body.put(field, field.equals("id") ? Accounts.newUserId().toString() : true);

        MvcResult result = patchMe(MediaType.APPLICATION_JSON, body);

        assertThat(problem(result, 400, "/problems/malformed-request"))
                .containsEntry("detail", "Field '" + field + "' is read-only; it cannot be changed here.");
        assertThat(useCases.calls()).containsExactly("authenticate");
    }

    @Test
    void refusesAnUnknownFieldAsUnknown() throws Exception {
        MvcResult result = patchMe(MediaType.APPLICATION_JSON, Map.of("username", "alice2", "role", "admin"));

        assertThat(problem(result, 400, "/problems/malformed-request")).containsEntry("detail", "Unknown field 'role'.");
        assertThat(useCases.calls()).doesNotContain("updateAccount");
    }

    @Test
    void refusesAPatchThatIsNotJson() throws Exception {
        MvcResult result = mvc.perform(patch("/api/users/me").header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.TEXT_PLAIN).content("username=alice2")).andReturn();

        problem(result, 415, "/problems/unsupported-media-type");
        assertThat(useCases.calls()).doesNotContain("updateAccount");
    }

    @Test
    void changesThePasswordAndAnswers204() throws Exception {
        List<ChangePasswordCommand> received = new CopyOnWriteArrayList<>();
        useCases.changePassword = received::add;

        MvcResult result = putPassword(Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD));

        assertThat(result.getResponse().getStatus()).isEqualTo(204);
        assertThat(Problems.body(result)).isEmpty();
        assertThat(received).containsExactly(new ChangePasswordCommand(useCases.sessionOf(token), PASSWORD, NEW_PASSWORD));
    }

    @Test
    void answers403WhenTheCurrentPasswordOfAChangeIsWrong() throws Exception {
        useCases.changePassword = command -> {
            throw new WrongPasswordException();
        };

        MvcResult result = putPassword(Map.of("currentPassword", "guess", "newPassword", NEW_PASSWORD));

        problem(result, 403, "/problems/wrong-password");
        assertThat(Answers.everything(result)).doesNotContain(NEW_PASSWORD).doesNotContain("guess");
    }

    @Test
    void answers422NamingTheRuleTheNewPasswordBreaks() throws Exception {
        useCases.changePassword = command -> {
            throw new InvalidInputException(List.of(new FieldError("newPassword", "must be at least 12 characters long")));
        };

        MvcResult result = putPassword(Map.of("currentPassword", PASSWORD, "newPassword", "short"));

        assertThat(errors(problem(result, 422, "/problems/validation-failed")))
                .containsExactly(Map.of("field", "newPassword", "message", "must be at least 12 characters long"));
        assertThat(Answers.everything(result)).doesNotContain(PASSWORD).doesNotContain("short\"");
    }

    @Test
    void answers422ForAMissingNewPasswordWithoutCallingTheUseCase() throws Exception {
        MvcResult result = putPassword(Map.of("currentPassword", PASSWORD));

        assertThat(errors(problem(result, 422, "/problems/validation-failed")))
                .containsExactly(Map.of("field", "newPassword", "message", "must not be null"));
        assertThat(useCases.calls()).doesNotContain("changePassword");
    }

    @Test
    void logsAPasswordChangeWithTheUserAndWithoutThePasswords() throws Exception {
        useCases.changePassword = command -> { };
        try (CapturedLog log = CapturedLog.of(AccountController.class)) {
            putPassword(Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD));

            assertThat(log.lines()).containsExactly("password changed: user=" + user + " client=127.0.0.1");
        }
    }

    @Test
    void logsAWrongCurrentPasswordWithTheUser() throws Exception {
        useCases.changePassword = command -> {
            throw new WrongPasswordException();
        };
        try (CapturedLog log = CapturedLog.of(ProblemDetailsAdvice.class)) {
            putPassword(Map.of("currentPassword", "guess", "newPassword", NEW_PASSWORD));

            assertThat(log.lines()).containsExactly("rejected PUT /api/users/me/password from 127.0.0.1 user=" + user
                    + ": wrong or missing current password");
        }
    }

    @Test
    void needsASessionForEveryPartOfTheAccount() throws Exception {
        for (MvcResult result : List.of(
                mvc.perform(get("/api/users/me")).andReturn(),
                mvc.perform(patch("/api/users/me").contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn(),
                mvc.perform(patch("/api/users/me/profile").contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn(),
                mvc.perform(put("/api/users/me/password").contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn())) {
            problem(result, 401, "/problems/unauthenticated");
            assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer realm=\"accounts\"");
        }
        assertThat(useCases.calls()).isEmpty();
    }

    private MvcResult patchMe(MediaType type, Map<String, ?> body) throws Exception {
        return mvc.perform(patch("/api/users/me").header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(type).content(RestApiUnderTest.json(body))).andReturn();
    }

    private MvcResult putPassword(Map<String, ?> body) throws Exception {
        return mvc.perform(put("/api/users/me/password").header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.APPLICATION_JSON).content(RestApiUnderTest.json(body))).andReturn();
    }

    private String bearer() {
        return "Bearer " + token;
    }
}
