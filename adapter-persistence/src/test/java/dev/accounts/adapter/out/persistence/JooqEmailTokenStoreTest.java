package dev.accounts.adapter.out.persistence;

import static dev.accounts.adapter.out.persistence.jooq.Tables.EMAIL_TOKENS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.fixtures.EmailTokens;
import dev.accounts.application.fixtures.Users;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.EmailToken;
import dev.accounts.domain.user.SecretToken;
import dev.accounts.domain.user.TokenPurpose;
import dev.accounts.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedDatabase.class)
class JooqEmailTokenStoreTest {

    private static final Instant T0 = Instant.parse("2025-07-01T09:00:00.654321Z");
    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final int CONTENDERS = 16;

    private final DSLContext dsl;
    private final SpringTransactions transactions;
    private final JooqUserRepository users;
    private final JooqEmailTokenStore tokens;

    JooqEmailTokenStoreTest(TestDatabase database) {
        this.dsl = database.dsl();
        this.transactions = database.transactions();
        this.users = new JooqUserRepository(dsl);
        this.tokens = new JooqEmailTokenStore(dsl);
    }

    @Test
    void consumesAnIssuedTokenOnceReturningWhatWasStored() {
        User user = stored("abe");
        EmailToken issued = issue(user, TokenPurpose.EMAIL_VERIFICATION, T0);

        assertThat(tokens.consume(issued.digest(), TokenPurpose.EMAIL_VERIFICATION, T0.plusSeconds(1))).contains(issued);
        assertThat(tokens.consume(issued.digest(), TokenPurpose.EMAIL_VERIFICATION, T0.plusSeconds(2))).isEmpty();
    }

    @Test
    void keepsTheAddressTheTokenWasSentToAsTyped() {
        User user = stored("bea");
        EmailToken issued = EmailTokens.to(user, new EmailAddress("Bea.New@Example.org"), TokenPurpose.EMAIL_CHANGE, T0,
                LIFETIME).stored();
        tokens.issue(issued);

        assertThat(tokens.consume(issued.digest(), TokenPurpose.EMAIL_CHANGE, T0))
                .map(token -> token.address().value()).contains("Bea.New@Example.org");
    }

    @Test
    void keepsOnlyTheDigestNeverTheToken() {
        User user = stored("cal");
        EmailTokens.Issued issued = EmailTokens.forUser(user, TokenPurpose.PASSWORD_RESET, T0);

        tokens.issue(issued.stored());

        assertThat(dsl.fetchValue(EMAIL_TOKENS.TOKEN_DIGEST)).isEqualTo(issued.token().digest().hex())
                .isNotEqualTo(issued.token().reveal());
    }

    @Test
    void refusesATokenOfAnotherPurposeAndLeavesItUsableForItsOwn() {
        User user = stored("dee");
        EmailToken reset = issue(user, TokenPurpose.PASSWORD_RESET, T0);

        assertThat(tokens.consume(reset.digest(), TokenPurpose.EMAIL_VERIFICATION, T0)).isEmpty();
        assertThat(tokens.consume(reset.digest(), TokenPurpose.EMAIL_CHANGE, T0)).isEmpty();

        assertThat(tokens.consume(reset.digest(), TokenPurpose.PASSWORD_RESET, T0)).contains(reset);
    }

    @Test
    void refusesATokenFromTheMomentItExpires() {
        User user = stored("eddy");
        EmailToken issued = issue(user, TokenPurpose.PASSWORD_RESET, T0);

        assertThat(tokens.consume(issued.digest(), TokenPurpose.PASSWORD_RESET, issued.expiresAt())).isEmpty();
        assertThat(tokens.consume(issued.digest(), TokenPurpose.PASSWORD_RESET, issued.expiresAt().plusSeconds(60))).isEmpty();

        assertThat(tokens.consume(issued.digest(), TokenPurpose.PASSWORD_RESET, issued.expiresAt().minusNanos(1000)))
                .contains(issued);
    }

    @Test
    void refusesAnUnknownToken() {
        issue(stored("flo"), TokenPurpose.EMAIL_VERIFICATION, T0);

        assertThat(tokens.consume(SecretToken.generate().digest(), TokenPurpose.EMAIL_VERIFICATION, T0)).isEmpty();
    }

    @Test
    void supersedesTheOlderUnusedTokensOfTheSameUserAndPurposeOnly() {
        User user = stored("gus");
        User otherUser = stored("gia");
        EmailToken older = issue(user, TokenPurpose.PASSWORD_RESET, T0);
        EmailToken otherPurpose = issue(user, TokenPurpose.EMAIL_VERIFICATION, T0);
        EmailToken otherUsers = issue(otherUser, TokenPurpose.PASSWORD_RESET, T0);

        EmailToken newer = issue(user, TokenPurpose.PASSWORD_RESET, T0.plusSeconds(30));

        Instant now = T0.plusSeconds(40);
        assertThat(tokens.consume(older.digest(), TokenPurpose.PASSWORD_RESET, now)).isEmpty();
        assertThat(tokens.consume(newer.digest(), TokenPurpose.PASSWORD_RESET, now)).contains(newer);
        assertThat(tokens.consume(otherPurpose.digest(), TokenPurpose.EMAIL_VERIFICATION, now)).contains(otherPurpose);
        assertThat(tokens.consume(otherUsers.digest(), TokenPurpose.PASSWORD_RESET, now)).contains(otherUsers);
    }

    @Test
    void marksASupersededTokenUsedAtTheTimeTheNewOneWasMade() {
        User user = stored("hal");
        EmailToken older = issue(user, TokenPurpose.EMAIL_CHANGE, T0);

        issue(user, TokenPurpose.EMAIL_CHANGE, T0.plusSeconds(30));

        assertThat(dsl.fetchValue(EMAIL_TOKENS.USED_AT, EMAIL_TOKENS.TOKEN_DIGEST.eq(older.digest().hex())))
                .isEqualTo(Timestamps.toDatabase(T0.plusSeconds(30)));
    }

    @Test
    void invalidatesEveryUnusedTokenOfTheUserAndPurposeOnly() {
        User user = stored("ian");
        EmailToken reset = issue(user, TokenPurpose.PASSWORD_RESET, T0);
        EmailToken verification = issue(user, TokenPurpose.EMAIL_VERIFICATION, T0);

        tokens.invalidateAll(user.id(), TokenPurpose.PASSWORD_RESET);

        assertThat(tokens.consume(reset.digest(), TokenPurpose.PASSWORD_RESET, T0)).isEmpty();
        assertThat(tokens.consume(verification.digest(), TokenPurpose.EMAIL_VERIFICATION, T0)).contains(verification);
    }

    @Test
    void letsExactlyOneOfManySimultaneousUsesOfATokenSucceed() throws Exception {
        User user = stored("joan");
        EmailToken issued = issue(user, TokenPurpose.PASSWORD_RESET, T0);
        Instant now = T0.plusSeconds(5);

        List<Optional<EmailToken>> outcomes = allAtOnce(() ->
                transactions.inTransaction(() -> tokens.consume(issued.digest(), TokenPurpose.PASSWORD_RESET, now)));

        assertThat(outcomes).filteredOn(Optional::isPresent).singleElement().isEqualTo(Optional.of(issued));
        assertThat(dsl.fetchValue(EMAIL_TOKENS.USED_AT, EMAIL_TOKENS.TOKEN_DIGEST.eq(issued.digest().hex())))
                .isEqualTo(Timestamps.toDatabase(now));
    }

    @Test
    void leavesExactlyOneLiveTokenWhenManyAreIssuedAtOnce() throws Exception {
        User user = stored("kai");

        List<EmailToken> issued = allAtOnce(() -> transactions.inTransaction(() -> issue(user, TokenPurpose.PASSWORD_RESET, T0)));

        assertThat(dsl.fetchCount(EMAIL_TOKENS, EMAIL_TOKENS.USED_AT.isNull())).isOne();
        assertThat(issued).filteredOn(token -> tokens.consume(token.digest(), TokenPurpose.PASSWORD_RESET, T0).isPresent())
                .hasSize(1);
    }

    private EmailToken issue(User user, TokenPurpose purpose, Instant now) {
        EmailToken token = EmailTokens.to(user, user.email(), purpose, now, LIFETIME).stored();
        tokens.issue(token);
        return token;
    }

    private User stored(String username) {
        User user = Users.registered(username, username + "@example.org");
        users.add(user);
        return user;
    }

    /** Runs the call on {@link #CONTENDERS} threads released together, and collects what each call returned. */
    private static <T> List<T> allAtOnce(Callable<T> call) throws Exception {
        CountDownLatch ready = new CountDownLatch(CONTENDERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(CONTENDERS)) {
            for (int i = 0; i < CONTENDERS; i++) {
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
