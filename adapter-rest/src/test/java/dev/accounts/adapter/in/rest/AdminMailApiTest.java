package dev.accounts.adapter.in.rest;

import static dev.accounts.adapter.in.rest.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.accounts.application.port.in.ForbiddenException;
import dev.accounts.application.port.in.NotFoundException;
import dev.accounts.application.port.in.admin.DeadMailView;
import dev.accounts.application.port.in.admin.ListDeadMailQuery;
import dev.accounts.application.port.in.admin.MailNotRequeueableException;
import dev.accounts.application.port.in.admin.Page;
import dev.accounts.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** {@code /api/admin/mail}: dead messages listed and sent again, as the API answers for the admin use cases. */
class AdminMailApiTest {

    private static final Instant QUEUED = Instant.parse("2026-03-01T10:15:30.123456Z");

    private final UseCases useCases = new UseCases();
    private final MockMvc mvc = RestApiUnderTest.mockMvc(useCases);
    private final UserId admin = Accounts.newUserId();
    private final String token = useCases.signIn(admin);
    private final DeadMailView dead = new DeadMailView(UUID.randomUUID(), "gone@example.org", "PASSWORD_CHANGED_NOTICE",
            3, "SMTP 550 after RCPT TO: 5.1.1 no such user", QUEUED, null, true);

    @Test
    void listsDeadMailWithItsMetadataButNeverABody() throws Exception {
        useCases.listDeadMail = query -> new Page<>(List.of(dead), null);

        MvcResult result = call(get("/api/admin/mail/dead"));

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(Problems.body(result)).contains("\"diedAt\":null").contains("\"nextCursor\":null");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) Answers.json(result).get("items");
        assertThat(items).singleElement().satisfies(item -> assertThat(item)
                .containsOnlyKeys("id", "recipient", "template", "attempts", "lastError", "createdAt", "diedAt",
                        "requeueable")
                .containsEntry("id", dead.id().toString())
                .containsEntry("recipient", "gone@example.org")
                .containsEntry("template", "PASSWORD_CHANGED_NOTICE")
                .containsEntry("attempts", 3)
                .containsEntry("lastError", "SMTP 550 after RCPT TO: 5.1.1 no such user")
                .containsEntry("createdAt", "2026-03-01T10:15:30.123456Z")
                .containsEntry("requeueable", true));
    }

    @Test
    void passesTheCursorAndTheLimitToTheUseCase() throws Exception {
        List<ListDeadMailQuery> received = new CopyOnWriteArrayList<>();
        useCases.listDeadMail = query -> {
            received.add(query);
            return new Page<>(List.of(), null);
        };

        call(get("/api/admin/mail/dead").queryParam("cursor", "bQAB").queryParam("limit", "5"));

        assertThat(received).containsExactly(new ListDeadMailQuery(useCases.sessionOf(token), "bQAB", 5));
    }

    @Test
    void answers400ForALimitThatIsNotANumber() throws Exception {
        problem(call(get("/api/admin/mail/dead").queryParam("limit", "all")), 400, "/problems/malformed-request");
        assertThat(useCases.calls()).doesNotContain("listDeadMail");
    }

    @Test
    void requeuesADeadMessageWithNoContent() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        useCases.requeueMail = (current, id) -> received.add(id);

        MvcResult result = call(post("/api/admin/mail/" + dead.id() + "/requeue"));

        assertThat(result.getResponse().getStatus()).isEqualTo(204);
        assertThat(Problems.body(result)).isEmpty();
        assertThat(received).containsExactly(dead.id().toString());
    }

    @Test
    void answers404WhenNoDeadMessageHasTheId() throws Exception {
        useCases.requeueMail = (current, id) -> {
            throw new NotFoundException();
        };

        problem(call(post("/api/admin/mail/" + UUID.randomUUID() + "/requeue")), 404, "/problems/not-found");
    }

    @Test
    void answers409ForAMessageThatCannotBeSentAgain() throws Exception {
        useCases.requeueMail = (current, id) -> {
            throw new MailNotRequeueableException();
        };

        problem(call(post("/api/admin/mail/" + dead.id() + "/requeue")), 409, "/problems/not-requeueable");
    }

    @Test
    void answers403ToAnyoneButASuperuser() throws Exception {
        useCases.listDeadMail = query -> {
            throw new ForbiddenException();
        };
        useCases.requeueMail = (current, id) -> {
            throw new ForbiddenException();
        };

        problem(call(get("/api/admin/mail/dead")), 403, "/problems/forbidden");
        problem(call(post("/api/admin/mail/" + dead.id() + "/requeue")), 403, "/problems/forbidden");
    }

    @Test
    void answers401WithoutASession() throws Exception {
        problem(mvc.perform(get("/api/admin/mail/dead")).andReturn(), 401, "/problems/unauthenticated");
        problem(mvc.perform(post("/api/admin/mail/" + dead.id() + "/requeue")).andReturn(), 401,
                "/problems/unauthenticated");
        assertThat(useCases.calls()).isEmpty();
    }

    private MvcResult call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();
    }
}
