package dev.accounts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.port.in.RegisterUserCommand;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The life of an account over HTTP, following every link the way a user would: from the mail GreenMail received,
 * through the page it opens, to the API call that page makes.
 */
class AccountLifecycleEndToEndTest {

    @RegisterExtension
    static final ServiceWithMail ACCOUNTS = ServiceWithMail.withDefaults();

    @Test
    void logsInWithTheUsernameOrTheEmailInAnyCase() {
        RegisterUserCommand user = register();

        HttpResponse<String> byName = logIn(user.username().toUpperCase(), user.password());
        assertThat(byName.statusCode()).isEqualTo(201);
        JsonNode session = RunningService.json(byName);
        assertThat(session.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(session.get("token").asString()).matches("[A-Za-z0-9_-]{43}");
        assertThat(session.has("expiresAt")).isTrue();

        assertThat(logIn(user.email().toUpperCase(), user.password()).statusCode()).isEqualTo(201);
    }

    @Test
    void answersEveryFailedLoginTheSameWay() {
        RegisterUserCommand user = register();

        HttpResponse<String> wrongPassword = logIn(user.username(), user.password() + "!");
        HttpResponse<String> unknownUser = logIn("nobody_" + user.username(), user.password());
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(unknownUser.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.body()).isEqualTo(unknownUser.body());
        assertThat(headerNames(wrongPassword)).isEqualTo(headerNames(unknownUser));
    }

    @Test
    void showsTheSignedInUserAndRefusesRequestsWithoutALiveToken() {
        RegisterUserCommand user = register();
        String token = sessionOf(user);

        HttpResponse<String> me = service().call("GET", "/api/users/me", token, null);
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode account = RunningService.json(me);
        assertThat(account.get("username").asString()).isEqualTo(user.username());
        assertThat(account.get("pendingEmail").isNull()).isTrue();
        assertThat(account.get("profile").get("fullName").isNull()).isTrue();
        assertThat(me.body()).doesNotContain(token).doesNotContain(user.password());

        HttpResponse<String> anonymous = service().withoutRequestValidation().call("GET", "/api/users/me", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(service().call("GET", "/api/users/me", "A".repeat(43), null).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenIsDeadOnceTheSessionIsLoggedOut() {
        String token = sessionOf(register());

        assertThat(service().call("DELETE", "/api/sessions/current", token, null).statusCode()).isEqualTo(204);
        assertThat(service().call("GET", "/api/users/me", token, null).statusCode()).isEqualTo(401);
    }

    @Test
    void verifiesTheAddressFromTheWelcomeMailWithoutTheLinkBeingBurntByOpeningIt() throws Exception {
        RegisterUserCommand user = register();
        Mailbox.Link link = Mailbox.link(mailbox().await(user.email(), "Welcome"));
        assertThat(link.page()).isEqualTo("https://accounts.example.com/verify-email");

        HttpResponse<String> page = service().get(link.pathAndQuery());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        service().get(link.pathAndQuery()); // a link scanner opening it twice

        HttpResponse<String> verified = service().call("POST", "/api/email-verifications", null, Map.of("token", link.token()));
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(RunningService.json(verified).get("emailVerified").asBoolean()).isTrue();

        HttpResponse<String> again = service().call("POST", "/api/email-verifications", null, Map.of("token", link.token()));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aVerificationLinkCanBeUsedByExactlyOneOfSixteenConcurrentRequests() throws Exception {
        RegisterUserCommand user = register();
        String token = Mailbox.link(mailbox().await(user.email(), "Welcome")).token();

        List<Integer> statuses = concurrently(16, () -> service().call("POST", "/api/email-verifications", null,
                Map.of("token", token)).statusCode());
        assertThat(statuses).containsOnly(200, 400);
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
    }

    @Test
    void aPasswordChangeEndsEveryOtherSessionAndMailsANotice() throws Exception {
        RegisterUserCommand user = register();
        String here = sessionOf(user);
        String elsewhere = sessionOf(user);
        String newPassword = "a brand new passphrase 42";

        HttpResponse<String> wrong = service().call("PUT", "/api/users/me/password", here,
                Map.of("currentPassword", "not the password", "newPassword", newPassword));
        assertThat(wrong.statusCode()).isEqualTo(403);
        HttpResponse<String> weak = service().call("PUT", "/api/users/me/password", here,
                Map.of("currentPassword", user.password(), "newPassword", "short"));
        assertThat(weak.statusCode()).isEqualTo(422);
        assertThat(weak.body()).contains("newPassword");

        assertThat(service().call("PUT", "/api/users/me/password", here,
                Map.of("currentPassword", user.password(), "newPassword", newPassword)).statusCode()).isEqualTo(204);

        assertThat(service().call("GET", "/api/users/me", here, null).statusCode()).isEqualTo(200);
        assertThat(service().call("GET", "/api/users/me", elsewhere, null).statusCode()).isEqualTo(401);
        assertThat(logIn(user.username(), user.password()).statusCode()).isEqualTo(401);
        assertThat(logIn(user.username(), newPassword).statusCode()).isEqualTo(201);
        assertThat(Mailbox.text(mailbox().await(user.email(), "password was changed"))).doesNotContain(newPassword);
    }

    @Test
    void anAddressChangeWaitsForConfirmationFromTheNewAddress() throws Exception {
        RegisterUserCommand user = register();
        String token = sessionOf(user);
        String newEmail = "moved." + user.email();

        HttpResponse<String> noPassword = service().call("PATCH", "/api/users/me", token, Map.of("email", newEmail));
        assertThat(noPassword.statusCode()).isEqualTo(403);

        HttpResponse<String> requested = service().call("PATCH", "/api/users/me", token,
                Map.of("email", newEmail, "currentPassword", user.password()));
        assertThat(requested.statusCode()).isEqualTo(200);
        assertThat(RunningService.json(requested).get("pendingEmail").asString()).isEqualTo(newEmail);
        assertThat(RunningService.json(requested).get("email").asString()).isEqualTo(user.email());
        assertThat(Mailbox.text(mailbox().await(user.email(), "email address was requested"))).contains(newEmail);
        assertThat(logIn(user.email(), user.password()).statusCode()).isEqualTo(201);
        assertThat(logIn(newEmail, user.password()).statusCode()).isEqualTo(401);

        Mailbox.Link link = Mailbox.link(mailbox().await(newEmail, "Confirm your new email address"));
        assertThat(service().get(link.pathAndQuery()).statusCode()).isEqualTo(200);
        HttpResponse<String> confirmed = service().call("POST", "/api/email-verifications", null, Map.of("token", link.token()));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(RunningService.json(confirmed).get("email").asString()).isEqualTo(newEmail);
        assertThat(RunningService.json(confirmed).get("emailVerified").asBoolean()).isTrue();

        assertThat(logIn(newEmail, user.password()).statusCode()).isEqualTo(201);
        assertThat(logIn(user.email(), user.password()).statusCode()).isEqualTo(401);
    }

    @Test
    void aNewUsernameAppliesAtOnceAndATakenOneIsAConflict() throws Exception {
        RegisterUserCommand user = register();
        RegisterUserCommand other = register();
        String token = sessionOf(user);

        assertThat(service().call("PATCH", "/api/users/me", token, Map.of("username", other.username().toUpperCase()))
                .statusCode()).isEqualTo(409);
        String renamed = "re_" + user.username();
        HttpResponse<String> changed = service().call("PATCH", "/api/users/me", token, Map.of("username", renamed));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(RunningService.json(changed).get("username").asString()).isEqualTo(renamed);
        assertThat(logIn(renamed, user.password()).statusCode()).isEqualTo(201);
        assertThat(Mailbox.text(mailbox().await(user.email(), "username was changed"))).contains(renamed);
    }

    @Test
    void readOnlyFieldsCannotBeChanged() {
        RegisterUserCommand user = register();
        String token = sessionOf(user);

        for (String field : List.of("id", "emailVerified", "active", "superuser", "passwordHash")) {
            Map<String, Object> body = new HashMap<>();
            body.put("username", "sneaky_" + user.username());
            body.put(field, true);
            assertThat(service().withoutRequestValidation().call("PATCH", "/api/users/me", token, body).statusCode())
                    .as(field).isEqualTo(400);
        }
        JsonNode account = RunningService.json(service().call("GET", "/api/users/me", token, null));
        assertThat(account.get("username").asString()).isEqualTo(user.username());
    }

    @Test
    void keepsAProfileApartFromTheAccount() {
        String token = sessionOf(register());

        HttpResponse<String> updated = service().call("PATCH", "/api/users/me/profile", token,
                Map.of("fullName", "Alice Liddell", "bio", "Curiouser and curiouser ☕"));
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(service().call("PATCH", "/api/users/me/profile", token, Map.of("bio", "line\nbreak")).statusCode())
                .isEqualTo(422);
        assertThat(service().call("PATCH", "/api/users/me/profile", token, Map.of("fullName", "x".repeat(101))).statusCode())
                .isEqualTo(422);

        JsonNode profile = RunningService.json(service().call("GET", "/api/users/me", token, null)).get("profile");
        assertThat(profile.get("fullName").asString()).isEqualTo("Alice Liddell");
        assertThat(profile.get("bio").asString()).isEqualTo("Curiouser and curiouser ☕");
    }

    @Test
    void aFreshVerificationLinkAtMostOnceAMinute() throws Exception {
        RegisterUserCommand user = register();
        String token = sessionOf(user);
        mailbox().await(user.email(), "Welcome");

        // The welcome mail itself counts: asking again at once is too soon.
        HttpResponse<String> tooSoon = service().call("POST", "/api/users/me/email-verification", token, null);
        assertThat(tooSoon.statusCode()).isEqualTo(429);
        assertThat(tooSoon.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void aPasswordResetEndsEverySessionAndDoesNotSignIn() throws Exception {
        RegisterUserCommand user = register();
        String elsewhere = sessionOf(user);

        HttpResponse<String> known = service().call("POST", "/api/password-resets", null, Map.of("email", user.email().toUpperCase()));
        HttpResponse<String> unknown = service().call("POST", "/api/password-resets", null, Map.of("email", "ghost." + user.email()));
        assertThat(known.statusCode()).isEqualTo(202);
        assertThat(unknown.statusCode()).isEqualTo(202);
        assertThat(known.body()).isEqualTo(unknown.body());

        Mailbox.Link link = Mailbox.link(mailbox().await(user.email(), "Reset your"));
        assertThat(link.page()).isEqualTo("https://accounts.example.com/reset-password");
        HttpResponse<String> page = service().get(link.pathAndQuery());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain(link.token());

        String newPassword = "reset and remembered 77";
        HttpResponse<String> reset = service().call("POST", "/api/password-resets/confirm", null,
                Map.of("token", link.token(), "newPassword", newPassword));
        assertThat(reset.statusCode()).isEqualTo(204);
        assertThat(reset.body()).doesNotContain("token");
        assertThat(service().call("GET", "/api/users/me", elsewhere, null).statusCode()).isEqualTo(401);
        assertThat(logIn(user.username(), newPassword).statusCode()).isEqualTo(201);

        assertThat(service().call("POST", "/api/password-resets/confirm", null,
                Map.of("token", link.token(), "newPassword", "yet another passphrase")).statusCode()).isEqualTo(400);
    }

    private static RegisterUserCommand register() {
        RegisterUserCommand user = Registrations.valid();
        HttpResponse<String> response = service().postJson("/api/users",
                Map.of("username", user.username(), "email", user.email(), "password", user.password()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return user;
    }

    private static HttpResponse<String> logIn(String login, String password) {
        return service().call("POST", "/api/sessions", null, Map.of("login", login, "password", password));
    }

    private static String sessionOf(RegisterUserCommand user) {
        HttpResponse<String> response = logIn(user.username(), user.password());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return RunningService.json(response).get("token").asString();
    }

    private static List<String> headerNames(HttpResponse<String> response) {
        return response.headers().map().keySet().stream().filter(name -> !name.equalsIgnoreCase("date")).sorted().toList();
    }

    private static <T> List<T> concurrently(int count, Callable<T> task) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(count)) {
            List<Future<T>> futures = pool.invokeAll(java.util.Collections.nCopies(count, task));
            List<T> results = new java.util.ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    private static RunningService service() {
        return ACCOUNTS.service();
    }

    private static Mailbox mailbox() {
        return ACCOUNTS.mailbox();
    }
}
