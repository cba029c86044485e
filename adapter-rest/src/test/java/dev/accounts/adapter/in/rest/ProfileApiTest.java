package dev.accounts.adapter.in.rest;

import static dev.accounts.adapter.in.rest.Problems.errors;
import static dev.accounts.adapter.in.rest.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;

import dev.accounts.application.port.in.AccountView;
import dev.accounts.application.port.in.FieldError;
import dev.accounts.application.port.in.InvalidInputException;
import dev.accounts.application.port.in.ProfileChange;
import dev.accounts.application.port.in.UpdateProfileCommand;
import dev.accounts.domain.user.UserId;
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

class ProfileApiTest {

    private final UseCases useCases = new UseCases();
    private final MockMvc mvc = RestApiUnderTest.mockMvc(useCases);
    private final UserId user = Accounts.newUserId();
    private final String token = useCases.signIn(user);
    private final AccountView account = Accounts.withProfile(Accounts.fresh(user), "Alice Liddell", "Curious.");
    private final List<UpdateProfileCommand> received = new CopyOnWriteArrayList<>();

    ProfileApiTest() {
        useCases.updateProfile = command -> {
            received.add(command);
            AccountView.ProfileView before = account.profile();
            return Accounts.withProfile(account, command.fullName().applyTo(before.fullName()),
                    command.bio().applyTo(before.bio()));
        };
    }

    @Test
    void keepsAFieldLeftOutAndSetsAFieldGiven() throws Exception {
        MvcResult result = patchProfile("{\"bio\":\"Down the rabbit hole.\"}");

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(received).containsExactly(
                new UpdateProfileCommand(useCases.sessionOf(token), ProfileChange.KEEP, ProfileChange.to("Down the rabbit hole.")));
        assertThat(Answers.json(result)).containsEntry("profile",
                Map.of("fullName", "Alice Liddell", "bio", "Down the rabbit hole."));
    }

    @Test
    void clearsAFieldSetToNull() throws Exception {
        MvcResult result = patchProfile("{\"fullName\":null}");

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(received).containsExactly(
                new UpdateProfileCommand(useCases.sessionOf(token), ProfileChange.to(null), ProfileChange.KEEP));
        assertThat(Problems.body(result)).contains("\"profile\":{\"fullName\":null,\"bio\":\"Curious.\"}");
    }

    @Test
    void keepsEverythingForAnEmptyPatch() throws Exception {
        MvcResult result = patchProfile("{}");

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(received).containsExactly(
                new UpdateProfileCommand(useCases.sessionOf(token), ProfileChange.KEEP, ProfileChange.KEEP));
    }

    @Test
    void acceptsAMergePatch() throws Exception {
        MvcResult result = mvc.perform(patch("/api/users/me/profile").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType("application/merge-patch+json").content("{\"fullName\":\"Alice\",\"bio\":null}")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(received).containsExactly(
                new UpdateProfileCommand(useCases.sessionOf(token), ProfileChange.to("Alice"), ProfileChange.to(null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "true", "{\"text\":\"x\"}", "[\"x\"]"})
    void refusesAnythingButAStringOrNullNamingTheField(String value) throws Exception {
        MvcResult result = patchProfile("{\"bio\":" + value + "}");

        assertThat(problem(result, 400, "/problems/malformed-request")).containsEntry("detail", "Field 'bio' must be a string.");
        assertThat(received).isEmpty();
    }

    @Test
    void refusesAnUnknownField() throws Exception {
        MvcResult result = patchProfile("{\"fullName\":\"Alice\",\"avatarUrl\":\"x\"}");

        assertThat(problem(result, 400, "/problems/malformed-request")).containsEntry("detail", "Unknown field 'avatarUrl'.");
        assertThat(received).isEmpty();
    }

    @Test
    void refusesARepeatedField() throws Exception {
        MvcResult result = patchProfile("{\"bio\":\"a\",\"bio\":null}");

        assertThat(problem(result, 400, "/problems/malformed-request")).containsEntry("detail", "Duplicate field 'bio'.");
        assertThat(received).isEmpty();
    }

    @Test
    void answers422NamingTheRuleABioBreaks() throws Exception {
        useCases.updateProfile = command -> {
            throw new InvalidInputException(List.of(new FieldError("bio", "must be at most 500 characters long")));
        };

        MvcResult result = patchProfile("{\"bio\":\"" + "x".repeat(501) + "\"}");

        assertThat(errors(problem(result, 422, "/problems/validation-failed")))
                .containsExactly(Map.of("field", "bio", "message", "must be at most 500 characters long"));
    }

    private MvcResult patchProfile(String json) throws Exception {
        return mvc.perform(patch("/api/users/me/profile").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(json)).andReturn();
    }
}
