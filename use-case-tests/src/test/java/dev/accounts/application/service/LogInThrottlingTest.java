package dev.accounts.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.port.in.InvalidCredentialsException;
import dev.accounts.application.port.in.LogInCommand;
import dev.accounts.application.port.in.NewSession;
import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.application.port.in.TooManyRequestsException;
import dev.accounts.application.port.out.ThrottleKey;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditOutcome;
import dev.accounts.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogInThrottlingTest {

    private static final String WRONG = "not the password at all";
    private static final String CLIENT = "198.51.100.7";

    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final User alice = accounts.register("alice", "alice@example.com");
    private final ThrottleKey aliceKey = ThrottleKey.account(alice.id());

    @Test
    void aFailureCountsTheAccountAndTheAddressInOneWriteAsAnUnknownLoginCountsTheAddressInOne() {
        // One write either way: two for a known account would make its failures slower, and the time would tell.
        failTimes("alice", 1, CLIENT);
        failTimes("nobody", 1, CLIENT);

        assertThat(accounts.throttleWrites.failureWrites())
                .containsExactly(List.of(aliceKey, ThrottleKey.client(CLIENT)), List.of(ThrottleKey.client(CLIENT)));
    }

    @Test
    void aSuccessForgivesTheAccountOnlyWhenItHasFailuresToForgive() {
        accounts.logIn.logIn(new LogInCommand("alice", Registrations.GOOD_PASSWORD));
        assertThat(accounts.throttleWrites.resets()).as("nothing to forgive: no write").isEmpty();

        failTimes("alice", 2, CLIENT);
        accounts.logIn.logIn(new LogInCommand("alice", Registrations.GOOD_PASSWORD, CLIENT));

        assertThat(accounts.throttleWrites.resets()).containsExactly(aliceKey);
        assertThat(accounts.throttle.failures(aliceKey)).isZero();
        assertThat(accounts.throttle.failures(ThrottleKey.client(CLIENT)))
                .as("never forgiven by a success").isEqualTo(2);
    }

    @Test
    void fourFailuresInARowCostNoWait() {
        failTimes("alice", 4, null);

        assertThat(accounts.logIn.logIn(new LogInCommand("alice", Registrations.GOOD_PASSWORD))).isNotNull();
    }

    @Test
    void theFifthConsecutiveFailureBlocksTheAccountForOneSecond() {
        failTimes("alice", 5, null);

        assertThat(retryAfterOf("alice", Registrations.GOOD_PASSWORD, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(accounts.throttle.blockOf(aliceKey)).contains(now().plusSeconds(1));
    }

    @Test
    void theSixthFailureAfterTheWaitBlocksForTwoSeconds() {
        failTimes("alice", 5, null);
        accounts.clock.advance(Duration.ofSeconds(1));

        failTimes("alice", 1, null);

        assertThat(retryAfterOf("alice", WRONG, null)).isEqualTo(Duration.ofSeconds(2));
        accounts.clock.advance(Duration.ofMillis(1999));
        assertThat(retryAfterOf("alice", WRONG, null)).isEqualTo(Duration.ofSeconds(1));
        accounts.clock.advance(Duration.ofMillis(1));
        assertThat(accounts.logIn.logIn(new LogInCommand("alice", Registrations.GOOD_PASSWORD))).isNotNull();
    }

    @Test
    void theWaitDoublesUpToFifteenMinutesAndNoFurther() {
        for (int failure = 1; failure <= 20; failure++) {
            failTimes("alice", 1, null);
            accounts.throttle.blockOf(aliceKey).ifPresent(until -> accounts.clock.set(until));
        }
        failTimes("alice", 1, null);

        assertThat(accounts.throttle.failures(aliceKey)).isEqualTo(21);
        assertThat(retryAfterOf("alice", WRONG, null)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aWaitIsRoundedUpToWholeSeconds() {
        failTimes("alice", 5, null);
        accounts.clock.advance(Duration.ofMillis(300));

        assertThat(retryAfterOf("alice", WRONG, null)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theRightPasswordDuringTheWaitGetsTheSameAnswerWithoutBeingVerified() {
        failTimes("alice", 5, null);
        int verificationsBefore = accounts.hasher.hashCount();

        Duration wrong = retryAfterOf("alice", WRONG, null);
        Duration right = retryAfterOf("alice", Registrations.GOOD_PASSWORD, null);

        assertThat(right).isEqualTo(wrong);
        assertThat(accounts.hasher.hashCount()).isEqualTo(verificationsBefore);
        assertThat(accounts.sessions.of(alice.id())).isEmpty();
    }

    @Test
    void aRefusalDuringTheWaitDoesNotLengthenIt() {
        failTimes("alice", 5, null);

        retryAfterOf("alice", WRONG, null);
        retryAfterOf("alice", WRONG, null);

        assertThat(accounts.throttle.failures(aliceKey)).isEqualTo(5);
        assertThat(accounts.throttle.blockOf(aliceKey)).contains(now().plusSeconds(1));
    }

    @Test
    void theWaitHoldsWhicheverLoginNamesTheAccount() {
        failTimes("alice", 5, null);

        assertThat(retryAfterOf("ALICE@example.com", Registrations.GOOD_PASSWORD, null)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aSuccessfulLoginForgetsTheAccountsFailuresButTheClientKeepsCounting() {
        failTimes("alice", 4, CLIENT);
        accounts.logIn.logIn(new LogInCommand("alice", Registrations.GOOD_PASSWORD, CLIENT));

        failTimes("alice", 4, CLIENT);

        assertThat(accounts.throttle.failures(aliceKey)).isEqualTo(4);
        assertThat(accounts.throttle.failures(ThrottleKey.client(CLIENT))).isEqualTo(8);
        assertThat(accounts.logIn.logIn(new LogInCommand("alice", Registrations.GOOD_PASSWORD, CLIENT))).isNotNull();
    }

    @Test
    void failuresForAnUnknownLoginCreateNoAccountKeyAndNeverBlock() {
        failTimes("bob", 30, null);
        failTimes("bob@example.com", 30, null);

        assertThat(accounts.throttle.keys()).isEmpty();
    }

    @Test
    void failuresForAnUnknownLoginDoNotBlockALaterRegistrationOfThatName() {
        failTimes("bob", 10, CLIENT);

        accounts.registerUser.register(new RegisterUserCommand("bob", "bob@example.com", Registrations.GOOD_PASSWORD));

        assertThat(accounts.throttle.keys()).containsExactly(ThrottleKey.client(CLIENT));
        assertThat(accounts.logIn.logIn(new LogInCommand("bob", Registrations.GOOD_PASSWORD))).isNotNull();
    }

    @Test
    void theClientAddressIsBlockedFromItsTwentyFirstFailureAcrossAccounts() {
        for (int n = 0; n < 5; n++) {
            User other = accounts.register("user" + n, "user" + n + "@example.com");
            failTimes(other.username().value(), 4, CLIENT);
        }
        accounts.register("carol", "carol@example.com");
        assertThat(accounts.throttle.blockOf(ThrottleKey.client(CLIENT))).isEmpty();

        failTimes("nobody", 1, CLIENT);

        assertThat(retryAfterOf("carol", Registrations.GOOD_PASSWORD, CLIENT)).isEqualTo(Duration.ofSeconds(1));
        NewSession elsewhere = accounts.logIn.logIn(new LogInCommand("carol", Registrations.GOOD_PASSWORD, "203.0.113.9"));
        assertThat(elsewhere).isNotNull();
    }

    @Test
    void aLoginWithoutAClientAddressIsThrottledByAccountOnly() {
        failTimes("nobody", 40, null);

        assertThat(accounts.throttle.keys()).isEmpty();
        assertThat(accounts.logIn.logIn(new LogInCommand("alice", Registrations.GOOD_PASSWORD))).isNotNull();
    }

    @Test
    void aRefusalDuringTheWaitIsAuditedAsThrottled() {
        failTimes("alice", 5, CLIENT);

        retryAfterOf("alice", Registrations.GOOD_PASSWORD, CLIENT);

        assertThat(accounts.audit.last()).hasValueSatisfying(event -> {
            assertThat(event.action()).isEqualTo(AuditAction.LOGIN_THROTTLED);
            assertThat(event.outcome()).isEqualTo(AuditOutcome.THROTTLED);
            assertThat(event.userId()).isEqualTo(alice.id());
            assertThat(event.clientAddress()).isEqualTo(CLIENT);
            assertThat(event.occurredAt()).isEqualTo(now());
        });
    }

    @Test
    void countedFailuresStayCountedEvenThoughNoTransactionCommits() {
        int transactionsBefore = accounts.transactions.count();

        failTimes("alice", 3, CLIENT);

        assertThat(accounts.transactions.count()).isEqualTo(transactionsBefore);
        assertThat(accounts.throttle.failures(aliceKey)).isEqualTo(3);
    }

    private void failTimes(String login, int times, String clientAddress) {
        for (int i = 0; i < times; i++) {
            assertThatThrownBy(() -> accounts.logIn.logIn(new LogInCommand(login, WRONG, clientAddress)))
                    .isInstanceOf(InvalidCredentialsException.class);
        }
    }

    private Duration retryAfterOf(String login, String password, String clientAddress) {
        try {
            accounts.logIn.logIn(new LogInCommand(login, password, clientAddress));
        } catch (TooManyRequestsException e) {
            return e.retryAfter();
        }
        throw new AssertionError("the login was not throttled");
    }

    private Instant now() {
        return Now.of(accounts.clock);
    }

    @Test
    void aSuccessfulLoginForgivesTheAccountButNotTheClientAddress() {
        ThrottleKey client = ThrottleKey.client("203.0.113.9");
        accounts.register("bob", "bob@example.com");
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> accounts.logIn.logIn(new LogInCommand("bob", "wrong guess", "203.0.113.9")))
                    .isInstanceOf(InvalidCredentialsException.class);
        }
        accounts.logIn.logIn(new LogInCommand("alice", Registrations.GOOD_PASSWORD, "203.0.113.9"));

        assertThat(accounts.throttle.failures(client)).isEqualTo(3);
    }

    @Test
    void aFailureLongAfterThePreviousStartsANewRun() {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> accounts.logIn.logIn(new LogInCommand("alice", "wrong guess")))
                    .isInstanceOf(InvalidCredentialsException.class);
        }
        accounts.clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThatThrownBy(() -> accounts.logIn.logIn(new LogInCommand("alice", "wrong guess")))
                .isInstanceOf(InvalidCredentialsException.class);

        assertThat(accounts.throttle.failures(aliceKey)).isEqualTo(1);
        assertThat(accounts.throttle.blockOf(aliceKey)).isEmpty();
    }
}
