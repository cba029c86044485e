package dev.accounts.adapter.in.rest;

import static dev.accounts.adapter.in.rest.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.application.port.in.TooManyRequestsException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The login throttle over HTTP, with the application's real services: from the 5th consecutive failure an account
 * waits, and while it does, the right password gets the very answer a wrong one gets.
 */
class LoginThrottlingApiTest {

    private static final String PASSWORD = Registrations.GOOD_PASSWORD;
    private static final String WRONG = "not the password at all";
    private static final int FREE_FAILURES = 4;

    private final RestApiUnderTest api = new RestApiUnderTest();
    private final MockMvc mvc = RestApiUnderTest.mockMvc(api.realServices());
    private final RegisterUserCommand alice = Registrations.valid();

    LoginThrottlingApiTest() throws Exception {
        assertThat(mvc.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON)
                .content(RestApiUnderTest.json(alice))).andReturn().getResponse().getStatus()).isEqualTo(201);
    }

    @Test
    void answersTheRightAndAWrongPasswordAlikeWith429WhileTheAccountWaits() throws Exception {
        for (int i = 0; i <= FREE_FAILURES; i++) {
            problem(logIn(WRONG), 401, "/problems/invalid-credentials");
        }

        MvcResult right = logIn(PASSWORD);
        MvcResult wrong = logIn(WRONG);

        problem(right, 429, "/problems/too-many-requests");
        assertThat(right.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(Answers.everything(wrong)).isEqualTo(Answers.everything(right));
        assertThat(Answers.everything(right)).doesNotContain(PASSWORD).doesNotContain(alice.username());
    }

    @Test
    void letsTheRightPasswordInOnceTheWaitIsOver() throws Exception {
        for (int i = 0; i <= FREE_FAILURES; i++) {
            logIn(WRONG);
        }
        int retryAfter = Integer.parseInt(logIn(PASSWORD).getResponse().getHeader(HttpHeaders.RETRY_AFTER));

        api.clock.advance(Duration.ofSeconds(retryAfter));

        assertThat(logIn(PASSWORD).getResponse().getStatus()).isEqualTo(201);
    }

    @Test
    void answersAPasswordChangeAlikeWith429WhateverTheCurrentPasswordWhileTheAccountWaits() throws Exception {
        String session = (String) Answers.json(logIn(PASSWORD)).get("token");
        for (int i = 0; i <= FREE_FAILURES; i++) {
            problem(changePassword(session, WRONG), 403, "/problems/wrong-password");
        }

        MvcResult right = changePassword(session, PASSWORD);
        MvcResult wrong = changePassword(session, WRONG);

        problem(right, 429, "/problems/too-many-requests");
        assertThat(right.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(Answers.everything(wrong)).isEqualTo(Answers.everything(right));
        // A stolen session is no way around the throttle: the account's logins wait as well.
        problem(logIn(PASSWORD), 429, "/problems/too-many-requests");
    }

    @Test
    void answersAThrottledLoginAlikeWhateverThePasswordWithAnyWait() throws Exception {
        UseCases fakes = new UseCases();
        fakes.logIn = command -> {
            throw new TooManyRequestsException(Duration.ofSeconds(899).plusMillis(1));
        };
        MockMvc throttled = RestApiUnderTest.mockMvc(fakes);

        MvcResult right = throttled.perform(logInRequest(PASSWORD)).andReturn();
        MvcResult wrong = throttled.perform(logInRequest(WRONG)).andReturn();

        problem(right, 429, "/problems/too-many-requests");
        assertThat(right.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("900");
        assertThat(right.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).isNull();
        assertThat(Answers.everything(wrong)).isEqualTo(Answers.everything(right));
    }

    private MvcResult logIn(String password) throws Exception {
        return mvc.perform(logInRequest(password)).andReturn();
    }

    private MockHttpServletRequestBuilder logInRequest(String password) {
        return post("/api/sessions").contentType(MediaType.APPLICATION_JSON)
                .content(RestApiUnderTest.json(Map.of("login", alice.username(), "password", password)));
    }

    private MvcResult changePassword(String session, String currentPassword) throws Exception {
        return mvc.perform(put("/api/users/me/password").header(HttpHeaders.AUTHORIZATION, "Bearer " + session)
                .contentType(MediaType.APPLICATION_JSON).content(RestApiUnderTest.json(
                        Map.of("currentPassword", currentPassword, "newPassword", "a different horse entirely"))))
                .andReturn();
    }
}
