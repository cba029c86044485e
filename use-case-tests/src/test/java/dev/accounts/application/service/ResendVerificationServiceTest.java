package dev.accounts.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.TooManyRequestsException;
import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.domain.user.EmailToken;
import dev.accounts.domain.user.SecretToken;
import dev.accounts.domain.user.TokenPurpose;
import dev.accounts.domain.user.User;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResendVerificationServiceTest {

    private final InMemoryAccounts accounts = new InMemoryAccounts(new LifecyclePolicy(Duration.ofHours(24),
            Duration.ofHours(2), Duration.ofHours(24), Duration.ofHours(1), Duration.ofHours(1), Duration.ofMinutes(1), 3));
    private final User alice = accounts.register("alice", "alice@example.com");
    private final Authenticated current = accounts.signIn("alice");

    @Test
    void mailsAFreshLinkAndTheOlderOnesDie() {
        accounts.clock.advance(Duration.ofMinutes(2));

        accounts.resendVerification.resendVerification(current);

        String mailed = accounts.tokenInLatestMail(MailTemplate.EMAIL_VERIFICATION, "alice@example.com");
        EmailToken live = accounts.tokens.unused(alice.id(), TokenPurpose.EMAIL_VERIFICATION).getFirst();
        assertThat(accounts.tokens.unused(alice.id(), TokenPurpose.EMAIL_VERIFICATION)).hasSize(1);
        assertThat(live.digest()).isEqualTo(SecretToken.parse(mailed).digest());
        assertThat(Duration.between(live.createdAt(), live.expiresAt())).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void refusesWithinAMinuteOfTheWelcomeMailSayingHowLongToWait() {
        accounts.clock.advance(Duration.ofSeconds(20));

        assertThatThrownBy(() -> accounts.resendVerification.resendVerification(current))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> assertThat(e.retryAfter())
                        .isBetween(Duration.ofSeconds(40), Duration.ofSeconds(41)));
        assertThat(accounts.outbox.queuedFor(alice.email(), MailTemplate.EMAIL_VERIFICATION)).isEmpty();
    }

    @Test
    void refusesASecondLinkWithinAMinuteAndSendsOneOnceTheMinuteIsOver() {
        accounts.clock.advance(Duration.ofMinutes(2));
        accounts.resendVerification.resendVerification(current);
        accounts.clock.advance(Duration.ofSeconds(59));

        assertThatThrownBy(() -> accounts.resendVerification.resendVerification(current))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> assertThat(e.retryAfter())
                        .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2)));

        accounts.clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> accounts.resendVerification.resendVerification(current))
                .as("exactly a minute later").isInstanceOf(TooManyRequestsException.class);
        accounts.clock.advance(Duration.ofSeconds(1));
        accounts.resendVerification.resendVerification(current);
        assertThat(accounts.outbox.queuedFor(alice.email(), MailTemplate.EMAIL_VERIFICATION)).hasSize(2);
    }

    @Test
    void refusesOnceTheDailyLimitIsReachedUntilTheOldestLeavesTheDay() {
        for (int i = 0; i < 3; i++) {
            accounts.clock.advance(Duration.ofMinutes(10));
            accounts.resendVerification.resendVerification(current);
        }
        accounts.clock.advance(Duration.ofMinutes(10));

        // The first of the three went out 30 minutes ago: it leaves the 24 h window in 23 h 30 min.
        assertThatThrownBy(() -> accounts.resendVerification.resendVerification(current))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> assertThat(e.retryAfter())
                        .isBetween(Duration.ofMinutes(23 * 60 + 30), Duration.ofMinutes(23 * 60 + 30 + 23)));
        accounts.clock.advance(Duration.ofHours(23).plusMinutes(30).plusSeconds(1));
        accounts.resendVerification.resendVerification(current);
    }

    @Test
    void doesNothingForAVerifiedAddress() {
        accounts.verifyEmail.verify(accounts.tokenInLatestMail(MailTemplate.WELCOME, "alice@example.com"), null);
        accounts.clock.advance(Duration.ofMinutes(5));

        accounts.resendVerification.resendVerification(current);

        assertThat(accounts.outbox.queuedFor(alice.email(), MailTemplate.EMAIL_VERIFICATION)).isEmpty();
        assertThat(accounts.tokens.unused(alice.id(), TokenPurpose.EMAIL_VERIFICATION)).isEmpty();
    }
}
