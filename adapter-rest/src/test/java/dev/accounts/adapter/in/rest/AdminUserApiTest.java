package dev.accounts.adapter.in.rest;

import static dev.accounts.adapter.in.rest.Problems.errors;
import static dev.accounts.adapter.in.rest.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import dev.accounts.application.port.in.FieldError;
import dev.accounts.application.port.in.ForbiddenException;
import dev.accounts.application.port.in.InvalidInputException;
import dev.accounts.application.port.in.NotFoundException;
import dev.accounts.application.port.in.admin.AdminUserView;
import dev.accounts.application.port.in.admin.CannotDeactivateSelfException;
import dev.accounts.application.port.in.admin.ListUsersQuery;
import dev.accounts.application.port.in.admin.Page;
import dev.accounts.domain.user.UserId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** {@code /api/admin/users}: what the API makes of the admin use cases' answers and refusals. */
class AdminUserApiTest {

    private final UseCases useCases = new UseCases();
    private final MockMvc mvc = RestApiUnderTest.mockMvc(useCases);
    private final UserId admin = Accounts.newUserId();
    private final String token = useCases.signIn(admin);
    private final AdminUserView bob = new AdminUserView(UUID.randomUUID(), "bob", "bob@example.org", null, true, true,
            false, Accounts.CREATED, Accounts.UPDATED);

    @Test
    void listsUsersWithEveryFieldNullsIncludedAndTheNextCursor() throws Exception {
        useCases.listUsers = query -> new Page<>(List.of(bob), "next-page");

        MvcResult result = call(get("/api/admin/users"));

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
        Map<String, Object> page = Answers.json(result);
        assertThat(page).containsOnlyKeys("items", "nextCursor").containsEntry("nextCursor", "next-page");
        assertThat(Problems.body(result)).contains("\"pendingEmail\":null");
        assertThat(items(page)).singleElement().satisfies(item -> assertThat(item)
                .containsOnlyKeys("id", "username", "email", "pendingEmail", "emailVerified", "active", "superuser",
                        "createdAt", "updatedAt")
                .containsEntry("id", bob.id().toString())
                .containsEntry("username", "bob")
                .containsEntry("emailVerified", true)
                .containsEntry("superuser", false)
                .containsEntry("createdAt", "2026-03-01T10:15:30.123456Z"));
    }

    @Test
    void answersTheLastPageWithANullCursor() throws Exception {
        useCases.listUsers = query -> new Page<>(List.of(), null);

        MvcResult result = call(get("/api/admin/users"));

        assertThat(Problems.body(result)).isEqualTo("{\"items\":[],\"nextCursor\":null}");
    }

    @Test
    void passesEveryFilterTheCursorAndTheLimitToTheUseCase() throws Exception {
        List<ListUsersQuery> received = listUsersReceiving();

        call(get("/api/admin/users").queryParam("q", "Ali").queryParam("verified", "true").queryParam("active", "false")
                .queryParam("cursor", "dTABCD").queryParam("limit", "10"));

        assertThat(received).containsExactly(
                new ListUsersQuery(useCases.sessionOf(token), "Ali", true, false, "dTABCD", 10));
    }

    @Test
    void passesParametersLeftOutOrSentEmptyAsAbsent() throws Exception {
        List<ListUsersQuery> received = listUsersReceiving();

        call(get("/api/admin/users"));
        call(get("/api/admin/users?verified=&active=&limit="));

        assertThat(received).containsOnly(new ListUsersQuery(useCases.sessionOf(token), null, null, null, null, null))
                .hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"verified=yes", "verified=1", "active=TRUE", "active=on"})
    void answers400NamingAFlagThatIsNeitherTrueNorFalse(String parameter) throws Exception {
        MvcResult result = call(get("/api/admin/users?" + parameter));

        String name = parameter.substring(0, parameter.indexOf('='));
        assertThat(problem(result, 400, "/problems/malformed-request"))
                .containsEntry("detail", "Query parameter '" + name + "' must be true or false.");
        assertThat(useCases.calls()).doesNotContain("listUsers");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ten", "-1", "1.5", "9999999999", "0x10"})
    void answers400ForALimitThatIsNotAWholeNumber(String limit) throws Exception {
        MvcResult result = call(get("/api/admin/users").queryParam("limit", limit));

        assertThat(problem(result, 400, "/problems/malformed-request"))
                .containsEntry("detail", "Query parameter 'limit' must be a whole number.");
        assertThat(Problems.body(result)).doesNotContain(limit);
        assertThat(useCases.calls()).doesNotContain("listUsers");
    }

    @Test
    void answers422NamingWhatTheUseCaseRefused() throws Exception {
        useCases.listUsers = query -> {
            throw new InvalidInputException(List.of(new FieldError("limit", "must be between 1 and 200"),
                    new FieldError("cursor", "is not a cursor this listing returned")));
        };

        MvcResult result = call(get("/api/admin/users").queryParam("limit", "500").queryParam("cursor", "junk"));

        assertThat(errors(problem(result, 422, "/problems/validation-failed"))).containsExactly(
                Map.of("field", "limit", "message", "must be between 1 and 200"),
                Map.of("field", "cursor", "message", "is not a cursor this listing returned"));
    }

    @Test
    void showsOneUser() throws Exception {
        useCases.getUser = (current, id) -> id.equals(bob.id().toString()) ? bob : null;

        MvcResult result = call(get("/api/admin/users/" + bob.id()));

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(Answers.json(result)).containsEntry("id", bob.id().toString()).containsEntry("email", "bob@example.org");
    }

    @Test
    void answers404WhenNoUserHasTheId() throws Exception {
        useCases.getUser = (current, id) -> {
            throw new NotFoundException();
        };

        problem(call(get("/api/admin/users/not-a-uuid")), 404, "/problems/not-found");
    }

    @Test
    void deactivatesAUserAndAnswersWithItAsItIsNow() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        useCases.deactivateUser = (current, id) -> {
            assertThat(current).isEqualTo(useCases.sessionOf(token));
            received.add(id);
            return new AdminUserView(bob.id(), bob.username(), bob.email(), null, true, false, false, bob.createdAt(),
                    bob.updatedAt());
        };

        MvcResult result = call(post("/api/admin/users/" + bob.id() + "/deactivate"));

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(Answers.json(result)).containsEntry("active", false);
        assertThat(received).containsExactly(bob.id().toString());
    }

    @Test
    void answers409WhenASuperuserWouldDeactivateThemselves() throws Exception {
        useCases.deactivateUser = (current, id) -> {
            throw new CannotDeactivateSelfException();
        };

        problem(call(post("/api/admin/users/" + admin + "/deactivate")), 409, "/problems/cannot-deactivate-self");
    }

    @Test
    void reactivatesAUser() throws Exception {
        useCases.reactivateUser = (current, id) -> bob;

        MvcResult result = call(post("/api/admin/users/" + bob.id() + "/reactivate"));

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(Answers.json(result)).containsEntry("active", true);
        assertThat(useCases.calls()).containsExactly("authenticate", "reactivateUser");
    }

    @Test
    void answers403ToAnyoneButASuperuser() throws Exception {
        useCases.listUsers = query -> {
            throw new ForbiddenException();
        };
        useCases.deactivateUser = (current, id) -> {
            throw new ForbiddenException();
        };

        assertThat(problem(call(get("/api/admin/users")), 403, "/problems/forbidden")).containsEntry("detail",
                "The signed-in user may not do this: it takes an active superuser.");
        problem(call(post("/api/admin/users/" + bob.id() + "/deactivate")), 403, "/problems/forbidden");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /api/admin/users", "GET /api/admin/users/x", "POST /api/admin/users/x/deactivate",
            "POST /api/admin/users/x/reactivate"})
    void answers401WithoutASessionBeforeAnyUseCaseRuns(String endpoint) throws Exception {
        String[] parts = endpoint.split(" ");

        MvcResult result = mvc.perform(request(HttpMethod.valueOf(parts[0]), parts[1] + "?verified=maybe")).andReturn();

        problem(result, 401, "/problems/unauthenticated");
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat(useCases.calls()).isEmpty();
    }

    @Test
    void answers405ForAChangeByGet() throws Exception {
        MvcResult result = call(get("/api/admin/users/" + bob.id() + "/deactivate"));

        problem(result, 405, "/problems/method-not-allowed");
        assertThat(result.getResponse().getHeader(HttpHeaders.ALLOW)).isEqualTo("POST");
    }

    private List<ListUsersQuery> listUsersReceiving() {
        List<ListUsersQuery> received = new CopyOnWriteArrayList<>();
        useCases.listUsers = query -> {
            received.add(query);
            return new Page<>(List.of(), null);
        };
        return received;
    }

    private MvcResult call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }
}
