package dev.accounts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.port.in.CreateSuperuserUseCase;
import dev.accounts.application.port.in.RegisterUserCommand;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The admin API over HTTP on the whole service: a superuser made as an operator makes one lists, pages and filters
 * users, deactivates one (whose token dies at once) and reactivates them; anyone else is refused; and a message a
 * mail server refused with 550 is listed dead and sent again once the mailbox exists. Every exchange is checked against
 * the OpenAPI document ({@link ApiClient}); the audit rows are read from the database.
 */
class AdminEndToEndTest {

    private static final String PASSWORD = "correct horse battery staple";

    private static SelectiveSmtpServer smtp;
    private static RunningService service;
    private static UUID adminId;
    private static String adminToken;

    @BeforeAll
    static void start() throws Exception {
        smtp = new SelectiveSmtpServer();
        service = RunningService.start(smtp.port(), Map.of());
        adminId = service.bean(CreateSuperuserUseCase.class)
                .createSuperuser(new RegisterUserCommand("root_admin", "root@example.com", PASSWORD, "command-line")).id();
        adminToken = logIn("root_admin");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            service.close();
        } finally {
            smtp.close();
        }
    }

    @Test
    void aSuperuserListsUsersByPrefixAndFlagsAPageAtATime() {
        List<UUID> registered = List.of(register("pager_a", "pager.a@example.com"),
                register("pager_b", "Pager.B@example.com"), register("pager_c", "pager.c@example.com"));

        JsonNode first = json(admin("GET", "/api/admin/users?q=PAGER&limit=2"), 200);
        JsonNode second = json(admin("GET", "/api/admin/users?q=pager&limit=2&cursor=" + first.get("nextCursor").asString()),
                200);

        List<UUID> listed = new ArrayList<>(ids(first));
        listed.addAll(ids(second));
        assertThat(listed).containsExactlyElementsOf(registered);
        assertThat(first.get("items")).hasSize(2);
        assertThat(second.get("nextCursor").isNull()).isTrue();
        assertThat(first.get("items").get(0).has("passwordHash")).isFalse();
        assertThat(ids(json(admin("GET", "/api/admin/users?q=pager.b@&verified=false&active=true"), 200)))
                .containsExactly(registered.get(1));
        assertThat(json(admin("GET", "/api/admin/users?q=pager&verified=true"), 200).get("items")).isEmpty();
        assertThat(auditRows("ADMIN_USERS_LISTED", "SUCCESS", null, adminId)).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aDeactivatedUsersTokenDiesAtOnceAndAReactivatedUserLogsInAgain() {
        UUID user = register("deact_user", "deact.user@example.com");
        String token = logIn("deact_user");
        assertThat(service.call("GET", "/api/users/me", token, null).statusCode()).isEqualTo(200);

        JsonNode deactivated = json(admin("POST", "/api/admin/users/" + user + "/deactivate"), 200);

        assertThat(deactivated.get("active").asBoolean()).isFalse();
        assertThat(service.call("GET", "/api/users/me", token, null).statusCode()).isEqualTo(401);
        assertThat(service.postJson("/api/sessions", Map.of("login", "deact_user", "password", PASSWORD)).statusCode())
                .isEqualTo(401);
        assertThat(ids(json(admin("GET", "/api/admin/users?q=deact_user&active=false"), 200))).containsExactly(user);

        JsonNode reactivated = json(admin("POST", "/api/admin/users/" + user + "/reactivate"), 200);

        assertThat(reactivated.get("active").asBoolean()).isTrue();
        assertThat(service.call("GET", "/api/users/me", token, null).statusCode()).as("ended sessions stay ended")
                .isEqualTo(401);
        assertThat(service.call("GET", "/api/users/me", logIn("deact_user"), null).statusCode()).isEqualTo(200);
        assertThat(json(admin("GET", "/api/admin/users/" + user), 200).get("username").asString()).isEqualTo("deact_user");
        assertThat(auditRows("USER_DEACTIVATED", "SUCCESS", user, adminId)).isOne();
        assertThat(auditRows("USER_REACTIVATED", "SUCCESS", user, adminId)).isOne();
        assertThat(auditRows("ADMIN_USER_VIEWED", "SUCCESS", user, adminId)).isOne();
    }

    @Test
    void anyoneButASuperuserIsRefusedAndTheRefusalIsAudited() {
        UUID plain = register("plain_user", "plain.user@example.com");
        String token = logIn("plain_user");

        HttpResponse<String> list = service.call("GET", "/api/admin/users", token, null);
        HttpResponse<String> deactivate = service.call("POST", "/api/admin/users/" + adminId + "/deactivate", token, null);
        HttpResponse<String> dead = service.call("GET", "/api/admin/mail/dead", token, null);

        for (HttpResponse<String> refused : List.of(list, deactivate, dead)) {
            assertThat(json(refused, 403).get("type").asString()).isEqualTo("/problems/forbidden");
        }
        assertThat(service.call("GET", "/api/users/me", adminToken, null).statusCode()).isEqualTo(200);
        assertThat(auditRows("ADMIN_USERS_LISTED", "FAILURE", null, plain)).isOne();
        assertThat(auditRows("USER_DEACTIVATED", "FAILURE", adminId, plain)).isOne();
        assertThat(service.withoutRequestValidation().call("GET", "/api/admin/users", null, null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aSuperuserCannotDeactivateThemselves() {
        HttpResponse<String> self = admin("POST", "/api/admin/users/" + adminId + "/deactivate");

        assertThat(json(self, 409).get("type").asString()).isEqualTo("/problems/cannot-deactivate-self");
        assertThat(service.call("GET", "/api/admin/users?limit=1", adminToken, null).statusCode()).isEqualTo(200);
    }

    @Test
    void answersBadQueryValuesAndUnknownIdsWithProblems() {
        ApiClient unchecked = service.withoutRequestValidation();

        assertThat(json(unchecked.call("GET", "/api/admin/users?verified=maybe", adminToken, null), 400)
                .get("detail").asString()).isEqualTo("Query parameter 'verified' must be true or false.");
        assertThat(json(unchecked.call("GET", "/api/admin/users?limit=0", adminToken, null), 422)
                .get("errors").get(0).get("field").asString()).isEqualTo("limit");
        assertThat(json(unchecked.call("GET", "/api/admin/mail/dead?cursor=not-a-cursor", adminToken, null), 422)
                .get("errors").get(0).get("field").asString()).isEqualTo("cursor");
        assertThat(json(unchecked.call("GET", "/api/admin/users/not-an-id", adminToken, null), 404).get("type").asString())
                .isEqualTo("/problems/not-found");
        assertThat(admin("POST", "/api/admin/users/" + UUID.randomUUID() + "/reactivate").statusCode()).isEqualTo(404);
    }

    @Test
    void aMessageRefusedWith550IsListedDeadAndSentAgainOnceTheMailboxExists() {
        String address = "bounce.e2e@example.com";
        smtp.refuse(address);
        register("bounce_e2e", address);
        String token = logIn("bounce_e2e");
        assertThat(service.call("PATCH", "/api/users/me", token, Map.of("username", "bounce_e2e_renamed")).statusCode())
                .isEqualTo(200);

        awaitTrue(() -> deadTo(address).size() == 2, "the welcome mail and the rename notice dead");
        List<JsonNode> dead = deadTo(address);
        JsonNode welcome = dead.get(0);
        JsonNode notice = dead.get(1);
        assertThat(welcome.get("template").asString()).isEqualTo("WELCOME");
        assertThat(welcome.get("requeueable").asBoolean()).isFalse();
        assertThat(welcome.get("lastError").asString()).contains("550");
        assertThat(welcome.get("diedAt").isNull()).isFalse();
        assertThat(notice.get("template").asString()).isEqualTo("USERNAME_CHANGED_NOTICE");
        assertThat(notice.get("requeueable").asBoolean()).isTrue();
        UUID welcomeId = UUID.fromString(welcome.get("id").asString());
        UUID noticeId = UUID.fromString(notice.get("id").asString());

        assertThat(json(admin("POST", "/api/admin/mail/" + welcomeId + "/requeue"), 409).get("type").asString())
                .isEqualTo("/problems/not-requeueable");
        smtp.accept(address);
        assertThat(admin("POST", "/api/admin/mail/" + noticeId + "/requeue").statusCode()).isEqualTo(204);

        awaitTrue(() -> smtp.deliveredTo(address) == 1, "the notice delivered");
        awaitTrue(() -> "SENT".equals(jdbc().queryForObject("SELECT status FROM mail_outbox WHERE id = ?", String.class,
                noticeId)), "the notice marked sent");
        assertThat(deadTo(address)).extracting(mail -> mail.get("id").asString()).containsExactly(welcomeId.toString());
        assertThat(admin("POST", "/api/admin/mail/" + noticeId + "/requeue").statusCode()).as("no longer dead")
                .isEqualTo(404);
        assertThat(jdbc().queryForObject("SELECT count(*) FROM audit_events WHERE action = 'MAIL_REQUEUED'"
                + " AND outcome = 'SUCCESS' AND mail_id = ? AND actor_id = ?", Integer.class, noticeId, adminId)).isOne();
        assertThat(jdbc().queryForObject("SELECT count(*) FROM audit_events WHERE action = 'MAIL_REQUEUED'"
                + " AND outcome = 'FAILURE' AND mail_id = ?", Integer.class, welcomeId)).isOne();
        assertThat(auditRows("ADMIN_DEAD_MAIL_LISTED", "SUCCESS", null, adminId)).isPositive();
    }

    private static List<JsonNode> deadTo(String address) {
        List<JsonNode> dead = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = json(admin("GET", "/api/admin/mail/dead?limit=50" + (cursor == null ? "" : "&cursor=" + cursor)),
                    200);
            page.get("items").forEach(mail -> {
                if (mail.get("recipient").asString().equalsIgnoreCase(address)) {
                    dead.add(mail);
                }
            });
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        return dead;
    }

    private static HttpResponse<String> admin(String method, String path) {
        return service.call(method, path, adminToken, null);
    }

    private static UUID register(String username, String email) {
        HttpResponse<String> created = service.postJson("/api/users",
                Map.of("username", username, "email", email, "password", PASSWORD));
        return UUID.fromString(json(created, 201).get("id").asString());
    }

    private static String logIn(String login) {
        return json(service.postJson("/api/sessions", Map.of("login", login, "password", PASSWORD)), 201)
                .get("token").asString();
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return RunningService.json(response);
    }

    private static List<UUID> ids(JsonNode page) {
        List<UUID> ids = new ArrayList<>();
        page.get("items").forEach(user -> ids.add(UUID.fromString(user.get("id").asString())));
        return ids;
    }

    /** Audit rows of an action and outcome, about {@code user} (null: about no account) and by {@code actor}. */
    private static int auditRows(String action, String outcome, UUID user, UUID actor) {
        return jdbc().queryForObject("SELECT count(*) FROM audit_events WHERE action = ? AND outcome = ?"
                + " AND user_id IS NOT DISTINCT FROM ? AND actor_id = ?", Integer.class, action, outcome, user, actor);
    }

    private static JdbcTemplate jdbc() {
        return new JdbcTemplate(service.bean(DataSource.class));
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 20 s: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
