package dev.accounts.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.application.fixtures.Users;
import dev.accounts.application.port.in.FieldError;
import dev.accounts.application.port.in.InvalidInputException;
import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.EmailToken;
import dev.accounts.domain.user.SecretToken;
import dev.accounts.domain.user.TokenPurpose;
import dev.accounts.domain.user.User;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RequestPasswordResetServiceTest {

    private final InMemoryAccounts accounts = new InMemoryAccounts(new LifecyclePolicy(Duration.ofHours(24),
            Duration.ofHours(2), Duration.ofHours(24), Duration.ofHours(1), Duration.ofHours(1), Duration.ofMinutes(1), 3));
    private final User alice = accounts.register("alice", "Alice@Example.com");
    private final int mailsAfterRegistration = accounts.outbox.entries().size();

    @Test
    void mailsALinkLivingAnHourToTheLoginAddressTypedInAnyCase() {
        accounts.requestPasswordReset.requestPasswordReset("alice@EXAMPLE.com", null);

        OutgoingMail mail = accounts.outbox.queuedFor(alice.email(), MailTemplate.PASSWORD_RESET).getFirst();
        assertThat(mail.recipient().value()).isEqualTo("Alice@Example.com");
        EmailToken stored = accounts.tokens.unused(alice.id(), TokenPurpose.PASSWORD_RESET).getFirst();
        assertThat(SecretToken.parse(mail.parameters().get(MailTemplate.TOKEN)).digest()).isEqualTo(stored.digest());
        assertThat(Duration.between(stored.createdAt(), stored.expiresAt())).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void sendsNothingForAnUnknownAddressAndReturnsAllTheSame() {
        int transactions = accounts.transactions.count();

        accounts.requestPasswordReset.requestPasswordReset("nobody@example.com", null);

        assertThat(accounts.outbox.entries()).hasSize(mailsAfterRegistration);
        assertThat(accounts.tokens.all()).extracting(EmailToken::purpose).doesNotContain(TokenPurpose.PASSWORD_RESET);
        assertThat(accounts.transactions.count()).isEqualTo(transactions);
    }

    @Test
    void sendsNothingToAnInactiveAccount() {
        accounts.users.update(Users.deactivated(alice));

        accounts.requestPasswordReset.requestPasswordReset("alice@example.com", null);

        assertThat(accounts.outbox.queuedFor(alice.email(), MailTemplate.PASSWORD_RESET)).isEmpty();
    }

    @Test
    void sendsNothingToAPendingAddress() {
        accounts.users.update(alice.withPendingEmail(new EmailAddress("new@example.com"),
                alice.updatedAt()));

        accounts.requestPasswordReset.requestPasswordReset("new@example.com", null);

        assertThat(accounts.outbox.entries()).hasSize(mailsAfterRegistration);
    }

    @Test
    void rejectsTextThatIsNoAddress() {
        assertThatThrownBy(() -> accounts.requestPasswordReset.requestPasswordReset("alice", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("email", "must be an address like name@example.com")));
        assertThatThrownBy(() -> accounts.requestPasswordReset.requestPasswordReset(null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("email", "must not be empty")));
    }

    @Test
    void aSecondRequestWithinAMinuteSilentlySendsNothing() {
        accounts.requestPasswordReset.requestPasswordReset("alice@example.com", null);
        accounts.clock.advance(Duration.ofSeconds(59));

        accounts.requestPasswordReset.requestPasswordReset("alice@example.com", null);

        assertThat(accounts.outbox.queuedFor(alice.email(), MailTemplate.PASSWORD_RESET)).hasSize(1);
    }

    @Test
    void aNewLinkMoreThanAMinuteLaterKillsTheOlderOne() {
        accounts.requestPasswordReset.requestPasswordReset("alice@example.com", null);
        accounts.clock.advance(Duration.ofSeconds(61));

        accounts.requestPasswordReset.requestPasswordReset("alice@example.com", null);

        String latest = accounts.tokenInLatestMail(MailTemplate.PASSWORD_RESET, "alice@example.com");
        assertThat(accounts.outbox.queuedFor(alice.email(), MailTemplate.PASSWORD_RESET)).hasSize(2);
        assertThat(accounts.tokens.unused(alice.id(), TokenPurpose.PASSWORD_RESET)).singleElement()
                .satisfies(token -> assertThat(token.digest()).isEqualTo(SecretToken.parse(latest).digest()));
    }

    @Test
    void theDailyLimitCountsVerificationAndResetMailTogether() {
        accounts.clock.advance(Duration.ofMinutes(2));
        accounts.resendVerification.resendVerification(accounts.signIn("alice"));
        for (int i = 0; i < 3; i++) {
            accounts.clock.advance(Duration.ofMinutes(2));
            accounts.requestPasswordReset.requestPasswordReset("alice@example.com", null);
        }

        assertThat(accounts.outbox.queuedFor(alice.email(), MailTemplate.PASSWORD_RESET)).hasSize(2);
    }
}
