package dev.accounts.adapter.out.persistence;

import static dev.accounts.adapter.out.persistence.jooq.Tables.EMAIL_TOKENS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.fixtures.EmailTokens;
import dev.accounts.application.fixtures.Users;
import dev.accounts.domain.user.EmailToken;
import dev.accounts.domain.user.TokenPurpose;
import dev.accounts.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the port's contract ({@link JooqEmailTokenStoreContractTest}) cannot see: what the table holds, and the
 * advisory lock that leaves one live link when many are issued at once in their own transactions.
 */
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
    void keepsOnlyTheDigestNeverTheToken() {
        User user = stored("cal");
        EmailTokens.Issued issued = EmailTokens.forUser(user, TokenPurpose.PASSWORD_RESET, T0);

        tokens.issue(issued.stored());

        assertThat(dsl.fetchValue(EMAIL_TOKENS.TOKEN_DIGEST)).isEqualTo(issued.token().digest().hex())
                .isNotEqualTo(issued.token().reveal());
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
    void keepsAConsumedTokenRowMarkedUsedAtTheTimeOfUse() {
        EmailToken issued = issue(stored("joan"), TokenPurpose.PASSWORD_RESET, T0);

        tokens.consume(issued.digest(), TokenPurpose.PASSWORD_RESET, T0.plusSeconds(5));

        assertThat(dsl.fetchValue(EMAIL_TOKENS.USED_AT, EMAIL_TOKENS.TOKEN_DIGEST.eq(issued.digest().hex())))
                .isEqualTo(Timestamps.toDatabase(T0.plusSeconds(5)));
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
