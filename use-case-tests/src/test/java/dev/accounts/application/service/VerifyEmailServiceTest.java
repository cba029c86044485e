package dev.accounts.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.application.fixtures.EmailTokens;
import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.port.in.AccountView;
import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.InvalidCredentialsException;
import dev.accounts.application.port.in.InvalidTokenException;
import dev.accounts.application.port.in.LogInCommand;
import dev.accounts.application.port.in.UpdateAccountCommand;
import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.domain.user.DuplicateUserException;
import dev.accounts.domain.user.SecretToken;
import dev.accounts.domain.user.TokenPurpose;
import dev.accounts.domain.user.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class VerifyEmailServiceTest {

    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final User alice = accounts.register("alice", "alice@example.com");
    private final String welcomeToken = accounts.tokenInLatestMail(MailTemplate.WELCOME, "alice@example.com");

    @Test
    void theLinkFromTheWelcomeMailVerifiesTheAddress() {
        AccountView view = accounts.verifyEmail.verify(welcomeToken, null);

        assertThat(view.emailVerified()).isTrue();
        assertThat(accounts.user(alice.id()).emailVerified()).isTrue();
    }

    @Test
    void aTokenWorksOnlyOnce() {
        accounts.verifyEmail.verify(welcomeToken, null);

        assertThatThrownBy(() -> accounts.verifyEmail.verify(welcomeToken, null)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void ofSixteenParallelUsesOfOneTokenExactlyOneSucceeds() throws Exception {
        List<Callable<Boolean>> uses = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            uses.add(() -> {
                try {
                    accounts.verifyEmail.verify(welcomeToken, null);
                    return true;
                } catch (InvalidTokenException e) {
                    return false;
                }
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Boolean> outcomes = new ArrayList<>();
            for (Future<Boolean> outcome : pool.invokeAll(uses)) {
                outcomes.add(outcome.get());
            }
            assertThat(outcomes).containsOnlyOnce(true);
        }
    }

    @Test
    void aVerificationLinkWorksUntilItsDayIsOver() {
        accounts.clock.advance(Duration.ofHours(24).minusSeconds(1));

        assertThat(accounts.verifyEmail.verify(welcomeToken, null).emailVerified()).isTrue();
    }

    @Test
    void aVerificationLinkFailsOnceItsDayIsOver() {
        accounts.clock.advance(Duration.ofHours(24));

        assertThatThrownBy(() -> accounts.verifyEmail.verify(welcomeToken, null)).isInstanceOf(InvalidTokenException.class);
        assertThat(accounts.user(alice.id()).emailVerified()).isFalse();
    }

    @Test
    void aLinkSupersededByAFreshOneFails() {
        accounts.clock.advance(Duration.ofMinutes(2));
        accounts.resendVerification.resendVerification(accounts.signIn("alice"));
        String fresh = accounts.tokenInLatestMail(MailTemplate.EMAIL_VERIFICATION, "alice@example.com");

        assertThatThrownBy(() -> accounts.verifyEmail.verify(welcomeToken, null)).isInstanceOf(InvalidTokenException.class);
        assertThat(accounts.verifyEmail.verify(fresh, null).emailVerified()).isTrue();
    }

    @Test
    void rejectsMalformedAndUnknownTokens() {
        assertThatThrownBy(() -> accounts.verifyEmail.verify(null, null)).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> accounts.verifyEmail.verify("not a token", null)).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> accounts.verifyEmail.verify(SecretToken.generate().reveal(), null))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void aPasswordResetTokenVerifiesNothing() {
        EmailTokens.Issued reset = EmailTokens.forUser(alice, TokenPurpose.PASSWORD_RESET, accounts.clock.instant());
        accounts.tokens.issue(reset.stored());

        assertThatThrownBy(() -> accounts.verifyEmail.verify(reset.token().reveal(), null)).isInstanceOf(InvalidTokenException.class);
        assertThat(accounts.user(alice.id()).emailVerified()).isFalse();
    }

    @Test
    void confirmingAnAddressChangeMakesTheNewAddressTheVerifiedLogin() {
        String confirmation = requestAddressChange("Alice@New.example");

        AccountView view = accounts.verifyEmail.verify(confirmation, null);

        assertThat(view.email()).isEqualTo("Alice@New.example");
        assertThat(view.pendingEmail()).isNull();
        assertThat(view.emailVerified()).isTrue();
        assertThat(accounts.logIn.logIn(new LogInCommand("alice@new.example", Registrations.GOOD_PASSWORD))).isNotNull();
        assertThatThrownBy(() -> accounts.logIn.logIn(new LogInCommand("alice@example.com", Registrations.GOOD_PASSWORD)))
                .isInstanceOf(InvalidCredentialsException.class);
    }

    @Test
    void anAddressChangeLinkFailsAfterAnHour() {
        String confirmation = requestAddressChange("alice@new.example");
        accounts.clock.advance(Duration.ofHours(1));

        assertThatThrownBy(() -> accounts.verifyEmail.verify(confirmation, null)).isInstanceOf(InvalidTokenException.class);
        assertThat(accounts.user(alice.id()).email().value()).isEqualTo("alice@example.com");
    }

    @Test
    void theLinkForAnEarlierAddressRequestFailsAfterANewerRequest() {
        String first = requestAddressChange("first@new.example");
        String second = requestAddressChange("second@new.example");

        assertThatThrownBy(() -> accounts.verifyEmail.verify(first, null)).isInstanceOf(InvalidTokenException.class);
        assertThat(accounts.verifyEmail.verify(second, null).email()).isEqualTo("second@new.example");
    }

    @Test
    void aConfirmationFailsWhenSomeoneElseTookTheAddressMeanwhile() {
        String confirmation = requestAddressChange("wanted@example.com");
        accounts.register("bob", "WANTED@example.com");

        assertThatThrownBy(() -> accounts.verifyEmail.verify(confirmation, null))
                .isInstanceOfSatisfying(DuplicateUserException.class,
                        e -> assertThat(e.attribute()).isEqualTo(DuplicateUserException.Attribute.EMAIL));
        assertThat(accounts.user(alice.id()).email().value()).isEqualTo("alice@example.com");
        assertThat(accounts.tokens.unused(alice.id(), TokenPurpose.EMAIL_CHANGE))
                .as("the use of the link rolled back with the refused change").hasSize(1);
    }

    @Test
    void aVerificationLinkForTheOldAddressFailsAfterTheAddressChanged() {
        accounts.verifyEmail.verify(requestAddressChange("alice@new.example"), null);

        assertThatThrownBy(() -> accounts.verifyEmail.verify(welcomeToken, null)).isInstanceOf(InvalidTokenException.class);
    }

    private String requestAddressChange(String newEmail) {
        Authenticated current = accounts.signIn("alice");
        accounts.updateAccount.update(new UpdateAccountCommand(current, null, newEmail, Registrations.GOOD_PASSWORD));
        return accounts.tokenInLatestMail(MailTemplate.EMAIL_CHANGE_CONFIRMATION, newEmail);
    }
}
