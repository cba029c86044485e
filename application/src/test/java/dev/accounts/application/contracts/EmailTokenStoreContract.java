package dev.accounts.application.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.contracts.Concurrently.Outcome;
import dev.accounts.application.fixtures.EmailTokens;
import dev.accounts.application.fixtures.Users;
import dev.accounts.application.port.out.EmailTokenStore;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.EmailToken;
import dev.accounts.domain.user.SecretToken;
import dev.accounts.domain.user.TokenPurpose;
import dev.accounts.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EmailTokenStore} promises: an issued token is used up by its first consume, which returns it as
 * stored; of many concurrent consumes of one token exactly one gets it; a token of another purpose, an unknown one,
 * one expired at {@code now} (from its {@code expiresAt} on) and one superseded or invalidated is refused; issuing
 * supersedes only the same user's older unused tokens of the same purpose, and invalidating ends only those.
 *
 * <p>A subclass gives the store under test and makes the users the tokens belong to known where the store needs
 * them. Times in this contract have microsecond precision, the finest PostgreSQL keeps.
 */
public abstract class EmailTokenStoreContract {

    private static final Instant T0 = Instant.parse("2026-07-01T09:00:00.654321Z");
    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final int CONTENDERS = 16;

    private final AtomicInteger users = new AtomicInteger();

    /** The store under test. */
    protected abstract EmailTokenStore tokens();

    /** Makes the user known wherever the store needs it, e.g. the users table its rows refer to. */
    protected abstract void addUser(User user);

    @Test
    void consumesAnIssuedTokenOnceReturningItAsStored() {
        assertUsedUpByItsFirstConsume(issue(aUser(), TokenPurpose.EMAIL_VERIFICATION, T0));
    }

    @Test
    void consumesTheFirstTokenOfANewUserAsAnIssuedOne() {
        User user = aUser();
        EmailToken first = EmailTokens.to(user, user.email(), TokenPurpose.EMAIL_VERIFICATION, T0, LIFETIME).stored();
        tokens().issueFirst(first);

        assertUsedUpByItsFirstConsume(first);
    }

    private void assertUsedUpByItsFirstConsume(EmailToken token) {
        assertThat(tokens().consume(token.digest(), token.purpose(), T0.plusSeconds(1))).contains(token);
        assertThat(tokens().consume(token.digest(), token.purpose(), T0.plusSeconds(2))).isEmpty();
    }

    @Test
    void supersedesTheFirstTokenOnTheNextIssue() {
        User user = aUser();
        EmailToken first = EmailTokens.to(user, user.email(), TokenPurpose.EMAIL_VERIFICATION, T0, LIFETIME).stored();
        tokens().issueFirst(first);
        EmailToken next = issue(user, TokenPurpose.EMAIL_VERIFICATION, T0.plusSeconds(30));

        assertThat(tokens().consume(first.digest(), TokenPurpose.EMAIL_VERIFICATION, T0.plusSeconds(40))).isEmpty();
        assertThat(tokens().consume(next.digest(), TokenPurpose.EMAIL_VERIFICATION, T0.plusSeconds(40))).contains(next);
    }

    @Test
    void keepsTheAddressTheTokenWasSentToAsTyped() {
        EmailToken issued = EmailTokens.to(aUser(), new EmailAddress("Bea.New@Example.org"), TokenPurpose.EMAIL_CHANGE,
                T0, LIFETIME).stored();
        tokens().issue(issued);

        assertThat(tokens().consume(issued.digest(), TokenPurpose.EMAIL_CHANGE, T0))
                .map(token -> token.address().value()).contains("Bea.New@Example.org");
    }

    @Test
    void refusesATokenOfAnotherPurposeAndLeavesItUsableForItsOwn() {
        EmailToken reset = issue(aUser(), TokenPurpose.PASSWORD_RESET, T0);

        assertThat(tokens().consume(reset.digest(), TokenPurpose.EMAIL_VERIFICATION, T0)).isEmpty();
        assertThat(tokens().consume(reset.digest(), TokenPurpose.EMAIL_CHANGE, T0)).isEmpty();

        assertThat(tokens().consume(reset.digest(), TokenPurpose.PASSWORD_RESET, T0)).contains(reset);
    }

    @Test
    void refusesATokenFromTheMomentItExpiresWithoutUsingItUp() {
        EmailToken issued = issue(aUser(), TokenPurpose.PASSWORD_RESET, T0);

        assertThat(tokens().consume(issued.digest(), TokenPurpose.PASSWORD_RESET, issued.expiresAt())).isEmpty();
        assertThat(tokens().consume(issued.digest(), TokenPurpose.PASSWORD_RESET, issued.expiresAt().plusSeconds(60)))
                .isEmpty();

        assertThat(tokens().consume(issued.digest(), TokenPurpose.PASSWORD_RESET, issued.expiresAt().minusNanos(1_000)))
                .as("a microsecond before it expires").contains(issued);
    }

    @Test
    void refusesAnUnknownToken() {
        issue(aUser(), TokenPurpose.EMAIL_VERIFICATION, T0);

        assertThat(tokens().consume(SecretToken.generate().digest(), TokenPurpose.EMAIL_VERIFICATION, T0)).isEmpty();
    }

    @Test
    void supersedesTheOlderUnusedTokensOfTheSameUserAndPurposeOnly() {
        User user = aUser();
        EmailToken older = issue(user, TokenPurpose.PASSWORD_RESET, T0);
        EmailToken otherPurpose = issue(user, TokenPurpose.EMAIL_VERIFICATION, T0);
        EmailToken otherUsers = issue(aUser(), TokenPurpose.PASSWORD_RESET, T0);

        EmailToken newer = issue(user, TokenPurpose.PASSWORD_RESET, T0.plusSeconds(30));

        Instant now = T0.plusSeconds(40);
        assertThat(tokens().consume(older.digest(), TokenPurpose.PASSWORD_RESET, now)).isEmpty();
        assertThat(tokens().consume(newer.digest(), TokenPurpose.PASSWORD_RESET, now)).contains(newer);
        assertThat(tokens().consume(otherPurpose.digest(), TokenPurpose.EMAIL_VERIFICATION, now)).contains(otherPurpose);
        assertThat(tokens().consume(otherUsers.digest(), TokenPurpose.PASSWORD_RESET, now)).contains(otherUsers);
    }

    @Test
    void invalidatesEveryUnusedTokenOfTheUserAndPurposeOnly() {
        User user = aUser();
        EmailToken reset = issue(user, TokenPurpose.PASSWORD_RESET, T0);
        EmailToken verification = issue(user, TokenPurpose.EMAIL_VERIFICATION, T0);
        EmailToken otherUsers = issue(aUser(), TokenPurpose.PASSWORD_RESET, T0);

        tokens().invalidateAll(user.id(), TokenPurpose.PASSWORD_RESET);

        assertThat(tokens().consume(reset.digest(), TokenPurpose.PASSWORD_RESET, T0)).isEmpty();
        assertThat(tokens().consume(verification.digest(), TokenPurpose.EMAIL_VERIFICATION, T0)).contains(verification);
        assertThat(tokens().consume(otherUsers.digest(), TokenPurpose.PASSWORD_RESET, T0)).contains(otherUsers);
    }

    @Test
    void letsANewTokenBeIssuedAndUsedAfterTheOldOnesWereInvalidated() {
        User user = aUser();
        issue(user, TokenPurpose.EMAIL_CHANGE, T0);
        tokens().invalidateAll(user.id(), TokenPurpose.EMAIL_CHANGE);

        EmailToken fresh = issue(user, TokenPurpose.EMAIL_CHANGE, T0.plusSeconds(1));

        assertThat(tokens().consume(fresh.digest(), TokenPurpose.EMAIL_CHANGE, T0.plusSeconds(2))).contains(fresh);
    }

    @Test
    void letsExactlyOneOfManyConcurrentConsumesOfATokenSucceed() throws InterruptedException {
        EmailToken issued = issue(aUser(), TokenPurpose.PASSWORD_RESET, T0);
        Instant now = T0.plusSeconds(5);

        List<Outcome<Optional<EmailToken>>> outcomes = Concurrently.run(CONTENDERS,
                i -> () -> tokens().consume(issued.digest(), TokenPurpose.PASSWORD_RESET, now));

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.failure()).isNull());
        assertThat(outcomes).extracting(Outcome::value).filteredOn(Optional::isPresent)
                .singleElement().isEqualTo(Optional.of(issued));
    }

    private EmailToken issue(User user, TokenPurpose purpose, Instant now) {
        EmailToken token = EmailTokens.to(user, user.email(), purpose, now, LIFETIME).stored();
        tokens().issue(token);
        return token;
    }

    private User aUser() {
        int n = users.incrementAndGet();
        User user = Users.registered("mailed" + n, "mailed" + n + "@example.org");
        addUser(user);
        return user;
    }
}
