package dev.accounts.adapter.in.rest;

import static dev.accounts.adapter.in.rest.Problems.errors;
import static dev.accounts.adapter.in.rest.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.fixtures.Users;
import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.User;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The whole API in front of the application's real services on in-memory stores: the flows of issue 3 over HTTP. */
class AccountLifecycleApiTest {

    private static final String PASSWORD = Registrations.GOOD_PASSWORD;
    private static final String NEW_PASSWORD = "a different horse entirely";

    private final RestApiUnderTest api = new RestApiUnderTest();
    private final MockMvc mvc = RestApiUnderTest.mockMvc(api.realServices());

    @Test
    void logsInWithTheUsernameOrTheAddressInAnyCaseAndShowsTheAccount() throws Exception {
        RegisterUserCommand alice = register();

        String byName = logIn(alice.username().toUpperCase(Locale.ROOT), PASSWORD);
        String byAddress = logIn(alice.email().toUpperCase(Locale.ROOT), PASSWORD);

        for (String token : List.of(byName, byAddress)) {
            MvcResult me = mvc.perform(withSession(get("/api/users/me"), token)).andReturn();
            assertThat(me.getResponse().getStatus()).isEqualTo(200);
            assertThat(Answers.json(me)).containsEntry("username", alice.username())
                    .containsEntry("email", alice.email())
                    .containsEntry("emailVerified", false)
                    .containsEntry("pendingEmail", null)
                    .containsKey("profile");
        }
    }

    @Test
    void answersAWrongPasswordAnUnknownLoginAndAnInactiveAccountAlike() throws Exception {
        RegisterUserCommand alice = register();
        RegisterUserCommand bob = register();
        api.users.update(Users.deactivated(stored(bob)));

        MvcResult wrongPassword = logInAnswer(alice.username(), "not the password at all");
        MvcResult unknownLogin = logInAnswer("nobody-" + alice.username(), PASSWORD);
        MvcResult inactiveAccount = logInAnswer(bob.username(), PASSWORD);

        problem(wrongPassword, 401, "/problems/invalid-credentials");
        assertThat(Answers.everything(unknownLogin)).isEqualTo(Answers.everything(wrongPassword));
        assertThat(Answers.everything(inactiveAccount)).isEqualTo(Answers.everything(wrongPassword));
    }

    @Test
    void refusesATokenOnceItsSessionIsLoggedOut() throws Exception {
        RegisterUserCommand alice = register();
        String token = logIn(alice.username(), PASSWORD);

        assertThat(mvc.perform(withSession(delete("/api/sessions/current"), token)).andReturn().getResponse().getStatus())
                .isEqualTo(204);
        MvcResult after = mvc.perform(withSession(get("/api/users/me"), token)).andReturn();

        problem(after, 401, "/problems/unauthenticated");
        assertThat(after.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE))
                .isEqualTo("Bearer realm=\"accounts\", error=\"invalid_token\"");
    }

    @Test
    void verifiesTheAddressWithTheWelcomeMailsTokenOnlyOnce() throws Exception {
        RegisterUserCommand alice = register();
        String mailed = tokenMailedTo(alice.email(), MailTemplate.WELCOME);

        MvcResult first = verify(mailed);
        MvcResult second = verify(mailed);

        assertThat(first.getResponse().getStatus()).isEqualTo(200);
        assertThat(Answers.json(first)).containsEntry("emailVerified", true).containsEntry("email", alice.email());
        problem(second, 400, "/problems/invalid-token");
    }

    @Test
    void sendsOneFreshVerificationLinkAMinuteAndTellsWhenToRetry() throws Exception {
        RegisterUserCommand alice = register();
        String token = logIn(alice.username(), PASSWORD);
        MvcResult tooSoonAfterTheWelcomeMail = mvc.perform(withSession(post("/api/users/me/email-verification"), token))
                .andReturn();
        api.clock.advance(Duration.ofSeconds(61));

        MvcResult first = mvc.perform(withSession(post("/api/users/me/email-verification"), token)).andReturn();
        MvcResult second = mvc.perform(withSession(post("/api/users/me/email-verification"), token)).andReturn();

        problem(tooSoonAfterTheWelcomeMail, 429, "/problems/too-many-requests");
        assertThat(first.getResponse().getStatus()).isEqualTo(202);
        problem(second, 429, "/problems/too-many-requests");
        int retryAfter = Integer.parseInt(second.getResponse().getHeader(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1, 61);
        assertThat(api.outbox.queuedFor(new EmailAddress(alice.email()), MailTemplate.EMAIL_VERIFICATION)).hasSize(1);
        api.clock.advance(Duration.ofSeconds(retryAfter));
        assertThat(mvc.perform(withSession(post("/api/users/me/email-verification"), token)).andReturn()
                .getResponse().getStatus()).as("a retry after Retry-After").isEqualTo(202);
    }

    @Test
    void answersAResetRequestAlikeForAnyAddressAndMailsOnlyAnAccount() throws Exception {
        RegisterUserCommand alice = register();
        String stranger = "stranger-" + alice.email();

        MvcResult known = requestReset(alice.email());
        MvcResult unknown = requestReset(stranger);

        assertThat(known.getResponse().getStatus()).isEqualTo(202);
        assertThat(Answers.everything(unknown)).isEqualTo(Answers.everything(known));
        assertThat(api.outbox.queuedFor(new EmailAddress(alice.email()), MailTemplate.PASSWORD_RESET)).hasSize(1);
        assertThat(api.outbox.queuedFor(new EmailAddress(stranger), MailTemplate.PASSWORD_RESET)).isEmpty();
    }

    @Test
    void resetsThePasswordWithTheMailedTokenEndingEverySession() throws Exception {
        RegisterUserCommand alice = register();
        String session = logIn(alice.username(), PASSWORD);
        requestReset(alice.email());
        String mailed = tokenMailedTo(alice.email(), MailTemplate.PASSWORD_RESET);

        MvcResult reset = confirmReset(mailed, NEW_PASSWORD);

        assertThat(reset.getResponse().getStatus()).isEqualTo(204);
        problem(mvc.perform(withSession(get("/api/users/me"), session)).andReturn(), 401, "/problems/unauthenticated");
        problem(logInAnswer(alice.username(), PASSWORD), 401, "/problems/invalid-credentials");
        assertThat(logInAnswer(alice.username(), NEW_PASSWORD).getResponse().getStatus()).isEqualTo(201);
        problem(confirmReset(mailed, "yet another horse entirely"), 400, "/problems/invalid-token");
    }

    @Test
    void refusesAResetToACommonPasswordNamingTheRule() throws Exception {
        RegisterUserCommand alice = register();
        requestReset(alice.email());

        MvcResult result = confirmReset(tokenMailedTo(alice.email(), MailTemplate.PASSWORD_RESET), "1qaz2wsx3edc");

        assertThat(errors(problem(result, 422, "/problems/validation-failed"))).containsExactly(Map.of("field",
                "newPassword", "message", "is too common: it appears in a list of frequently used passwords"));
    }

    @Test
    void refusesReadOnlyFieldsAndChangesNothing() throws Exception {
        RegisterUserCommand alice = register();
        String token = logIn(alice.username(), PASSWORD);
        User before = stored(alice);

        for (String field : List.of("superuser", "emailVerified", "active")) {
            MvcResult result = mvc.perform(withSession(patch("/api/users/me"), token).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"username\":\"renamed_" + field + "\",\"" + field + "\":true}")).andReturn();
            problem(result, 400, "/problems/malformed-request");
        }

        User after = stored(alice);
        assertThat(after.username()).isEqualTo(before.username());
        assertThat(after.superuser()).isFalse();
        assertThat(after.emailVerified()).isFalse();
        assertThat(after.updatedAt()).isEqualTo(before.updatedAt());
    }

    @Test
    void startsAnAddressChangeOnlyWithTheCurrentPassword() throws Exception {
        RegisterUserCommand alice = register();
        String token = logIn(alice.username(), PASSWORD);
        String newAddress = "new-" + alice.email();

        MvcResult without = patchMe(token, Map.of("email", newAddress));
        MvcResult wrong = patchMe(token, Map.of("email", newAddress, "currentPassword", "not the password at all"));
        MvcResult right = patchMe(token, Map.of("email", newAddress, "currentPassword", PASSWORD));

        problem(without, 403, "/problems/wrong-password");
        problem(wrong, 403, "/problems/wrong-password");
        assertThat(right.getResponse().getStatus()).isEqualTo(200);
        assertThat(Answers.json(right)).containsEntry("email", alice.email()).containsEntry("pendingEmail", newAddress);
    }

    @Test
    void changesThePasswordKeepingThisSessionAndEndingTheOthers() throws Exception {
        RegisterUserCommand alice = register();
        String here = logIn(alice.username(), PASSWORD);
        String elsewhere = logIn(alice.username(), PASSWORD);

        MvcResult result = mvc.perform(withSession(put("/api/users/me/password"), here).contentType(MediaType.APPLICATION_JSON)
                .content(RestApiUnderTest.json(Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD)))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(204);
        assertThat(mvc.perform(withSession(get("/api/users/me"), here)).andReturn().getResponse().getStatus()).isEqualTo(200);
        problem(mvc.perform(withSession(get("/api/users/me"), elsewhere)).andReturn(), 401, "/problems/unauthenticated");
    }

    @Test
    void keepsAProfileFieldLeftOutAndClearsOneSetToNull() throws Exception {
        RegisterUserCommand alice = register();
        String token = logIn(alice.username(), PASSWORD);

        patchProfile(token, "{\"fullName\":\"Alice Liddell\",\"bio\":\"Curious.\"}");
        MvcResult kept = patchProfile(token, "{\"bio\":\"Curiouser.\"}");
        MvcResult cleared = patchProfile(token, "{\"fullName\":null}");

        assertThat(Answers.json(kept)).containsEntry("profile", Map.of("fullName", "Alice Liddell", "bio", "Curiouser."));
        assertThat(Problems.body(cleared)).contains("\"profile\":{\"fullName\":null,\"bio\":\"Curiouser.\"}");
    }

    private RegisterUserCommand register() throws Exception {
        RegisterUserCommand registration = Registrations.valid();
        MvcResult result = mvc.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON)
                .content(RestApiUnderTest.json(registration))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(201);
        return registration;
    }

    private User stored(RegisterUserCommand registration) {
        return api.users.all().stream().filter(user -> user.username().value().equals(registration.username()))
                .findFirst().orElseThrow();
    }

    private String logIn(String login, String password) throws Exception {
        MvcResult result = logInAnswer(login, password);
        assertThat(result.getResponse().getStatus()).isEqualTo(201);
        return (String) Answers.json(result).get("token");
    }

    private MvcResult logInAnswer(String login, String password) throws Exception {
        return mvc.perform(post("/api/sessions").contentType(MediaType.APPLICATION_JSON)
                .content(RestApiUnderTest.json(Map.of("login", login, "password", password)))).andReturn();
    }

    private MvcResult verify(String token) throws Exception {
        return mvc.perform(post("/api/email-verifications").contentType(MediaType.APPLICATION_JSON)
                .content(RestApiUnderTest.json(Map.of("token", token)))).andReturn();
    }

    private MvcResult requestReset(String email) throws Exception {
        return mvc.perform(post("/api/password-resets").contentType(MediaType.APPLICATION_JSON)
                .content(RestApiUnderTest.json(Map.of("email", email)))).andReturn();
    }

    private MvcResult confirmReset(String token, String newPassword) throws Exception {
        return mvc.perform(post("/api/password-resets/confirm").contentType(MediaType.APPLICATION_JSON)
                .content(RestApiUnderTest.json(Map.of("token", token, "newPassword", newPassword)))).andReturn();
    }

    private MvcResult patchMe(String token, Map<String, ?> body) throws Exception {
        return mvc.perform(withSession(patch("/api/users/me"), token).contentType(MediaType.APPLICATION_JSON)
                .content(RestApiUnderTest.json(body))).andReturn();
    }

    private MvcResult patchProfile(String token, String json) throws Exception {
        MvcResult result = mvc.perform(withSession(patch("/api/users/me/profile"), token)
                .contentType(MediaType.APPLICATION_JSON).content(json)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result;
    }

    private String tokenMailedTo(String address, MailTemplate template) {
        List<OutgoingMail> mails = api.outbox.queuedFor(new EmailAddress(address), template);
        assertThat(mails).isNotEmpty();
        return mails.getLast().parameters().get(MailTemplate.TOKEN);
    }

    private static MockHttpServletRequestBuilder withSession(MockHttpServletRequestBuilder request, String token) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
}
