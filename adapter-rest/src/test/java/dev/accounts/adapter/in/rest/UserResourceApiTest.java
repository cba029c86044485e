package dev.accounts.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.accounts.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** {@code GET /api/users/{id}}, the resource a registration's Location header names. */
class UserResourceApiTest {

    private final UseCases useCases = new UseCases();
    private final MockMvc mvc = RestApiUnderTest.mockMvc(useCases);
    private final UserId user = Accounts.newUserId();
    private final String token = useCases.signIn(user);

    @Test
    void showsTheOwnerTheirAccount() throws Exception {
        useCases.getAccount = current -> Accounts.fresh(current.userId());

        MvcResult result = mvc.perform(get("/api/users/" + user).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(Answers.json(result)).containsEntry("id", user.toString());
    }

    @Test
    void answersTheSameNotFoundForAnotherUsersIdAndForNoUserAtAll() throws Exception {
        MvcResult other = mvc.perform(get("/api/users/" + Accounts.newUserId()).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andReturn();
        MvcResult garbage = mvc.perform(get("/api/users/not-a-uuid").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andReturn();

        assertThat(other.getResponse().getStatus()).isEqualTo(404);
        assertThat(other.getResponse().getContentType()).isEqualTo("application/problem+json");
        assertThat(Problems.body(other)).isEqualTo(Problems.body(garbage).replace("not-a-uuid", other.getRequest().getRequestURI()
                .substring("/api/users/".length())));
        assertThat(useCases.calls()).doesNotContain("getAccount");
    }

    @Test
    void needsASession() throws Exception {
        assertThat(mvc.perform(get("/api/users/" + user)).andReturn().getResponse().getStatus()).isEqualTo(401);
    }
}
