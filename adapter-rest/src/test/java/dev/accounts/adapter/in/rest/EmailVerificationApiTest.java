package dev.accounts.adapter.in.rest;

import static dev.accounts.adapter.in.rest.Problems.errors;
import static dev.accounts.adapter.in.rest.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.InvalidTokenException;
import dev.accounts.application.port.in.TooManyRequestsException;
import dev.accounts.domain.user.DuplicateUserException;
import dev.accounts.domain.user.SecretToken;
import dev.accounts.domain.user.UserId;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

class EmailVerificationApiTest {

    private final UseCases useCases = new UseCases();
    private final MockMvc mvc = RestApiUnderTest.mockMvc(useCases);
    private final UserId user = Accounts.newUserId();
    private final String mailed = SecretToken.generate().reveal();

    @Test
    void verifiesWithTheMailedTokenAndAnswersWithTheAccount() throws Exception {
        List<List<String>> received = new CopyOnWriteArrayList<>();
        useCases.verifyEmail = (token, clientAddress) -> {
            received.add(List.of(token, clientAddress));
            return Accounts.verified(Accounts.fresh(user));
        };

        MvcResult result = verify(mailed);

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(Answers.json(result)).containsEntry("id", user.toString()).containsEntry("emailVerified", true)
                .containsKeys("pendingEmail", "profile");
        assertThat(received).containsExactly(List.of(mailed, "127.0.0.1"));
        assertThat(Answers.everything(result)).doesNotContain(mailed);
    }

    @Test
    void needsNoSessionToVerify() throws Exception {
        useCases.verifyEmail = (token, clientAddress) -> Accounts.verified(Accounts.fresh(user));

        verify(mailed);

        assertThat(useCases.calls()).containsExactly("verifyEmail");
    }

    @Test
    void answers400ForATokenThatCannotBeUsedWithoutEchoingIt() throws Exception {
        useCases.verifyEmail = (token, clientAddress) -> {
            throw new InvalidTokenException();
        };

        MvcResult result = verify(mailed);

        assertThat(problem(result, 400, "/problems/invalid-token"))
                .containsEntry("detail", "The link is invalid or has expired; ask for a new one.");
        assertThat(Answers.everything(result)).doesNotContain(mailed);
    }

    @Test
    void answers409WhenThePendingAddressWasTakenMeanwhile() throws Exception {
        useCases.verifyEmail = (token, clientAddress) -> {
            throw new DuplicateUserException(DuplicateUserException.Attribute.EMAIL);
        };

        problem(verify(mailed), 409, "/problems/already-taken");
    }

    @Test
    void answers422ForAMissingToken() throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("token", null);

        MvcResult result = mvc.perform(post("/api/email-verifications").contentType(MediaType.APPLICATION_JSON)
                .content(RestApiUnderTest.json(body))).andReturn();

        assertThat(errors(problem(result, 422, "/problems/validation-failed")))
                .containsExactly(Map.of("field", "token", "message", "must not be null"));
        assertThat(useCases.calls()).isEmpty();
    }

    @Test
    void sendsAFreshLinkToTheSignedInUserAndAnswers202() throws Exception {
        String token = useCases.signIn(user);
        List<Authenticated> received = new CopyOnWriteArrayList<>();
        useCases.resendVerification = received::add;

        MvcResult result = resend(token);

        assertThat(result.getResponse().getStatus()).isEqualTo(202);
        assertThat(Problems.body(result)).isEqualTo("{\"status\":\"accepted\"}");
        assertThat(received).containsExactly(useCases.sessionOf(token));
    }

    @ParameterizedTest
    @CsvSource({"PT41S, 41", "PT41.2S, 42", "PT0.3S, 1", "PT0S, 1"})
    void answers429WithRetryAfterInWholeSecondsRoundedUp(Duration wait, String retryAfter) throws Exception {
        String token = useCases.signIn(user);
        useCases.resendVerification = current -> {
            throw new TooManyRequestsException(wait);
        };

        MvcResult result = resend(token);

        Map<String, Object> problem = problem(result, 429, "/problems/too-many-requests");
        assertThat(result.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo(retryAfter);
        assertThat((String) problem.get("detail")).contains(" " + retryAfter + " second");
    }

    @Test
    void needsASessionToSendAFreshLink() throws Exception {
        MvcResult result = mvc.perform(post("/api/users/me/email-verification")).andReturn();

        problem(result, 401, "/problems/unauthenticated");
        assertThat(useCases.calls()).isEmpty();
    }

    private MvcResult verify(String token) throws Exception {
        return mvc.perform(post("/api/email-verifications").contentType(MediaType.APPLICATION_JSON)
                .content(RestApiUnderTest.json(Map.of("token", token)))).andReturn();
    }

    private MvcResult resend(String sessionToken) throws Exception {
        return mvc.perform(post("/api/users/me/email-verification")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + sessionToken)).andReturn();
    }
}
