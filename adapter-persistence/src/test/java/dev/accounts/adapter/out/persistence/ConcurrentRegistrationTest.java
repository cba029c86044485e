package dev.accounts.adapter.out.persistence;

import static dev.accounts.adapter.out.persistence.jooq.Tables.EMAIL_TOKENS;
import static dev.accounts.adapter.out.persistence.jooq.Tables.MAIL_OUTBOX;
import static dev.accounts.adapter.out.persistence.jooq.Tables.PROFILES;
import static dev.accounts.adapter.out.persistence.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.fixtures.FastPasswordHasher;
import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.application.port.in.UserView;
import dev.accounts.application.service.LifecyclePolicy;
import dev.accounts.application.service.RegisterUserService;
import dev.accounts.domain.user.DuplicateUserException;
import dev.accounts.domain.user.PasswordPolicy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many registrations of one name at the same moment, through the real use case: the unique indexes decide, and the
 * losers leave nothing behind (no profile, token, mail or successful audit entry) but their refusal in the audit trail.
 */
@ExtendWith(SharedDatabase.class)
class ConcurrentRegistrationTest {

    private static final int CONTENDERS = 50;

    private final DSLContext dsl;
    private final RegisterUserService registration;
    /** The audit trail is never emptied: this test's entries are the ones from its own client address. */
    private final String client = ClientAddresses.unique();

    ConcurrentRegistrationTest(TestDatabase database) {
        this.dsl = database.dsl();
        this.registration = new RegisterUserService(new JooqUserRepository(dsl),
                new JooqEmailTokenStore(dsl), new JooqMailOutbox(dsl), new FastPasswordHasher(), PasswordPolicy.defaults(),
                LifecyclePolicy.DEFAULTS, new JooqAuditTrail(dsl), database.transactions(), Clock.systemUTC());
    }

    @Test
    void letsExactlyOneOfManySimultaneousRegistrationsOfAUsernameSucceed() throws Exception {
        List<Outcome> outcomes = registerAllAtOnce(i -> Registrations.withUsername(inLetterCase("Racer", i)));

        assertExactlyOneWinner(outcomes, DuplicateUserException.Attribute.USERNAME);
    }

    @Test
    void letsExactlyOneOfManySimultaneousRegistrationsOfAnAddressSucceed() throws Exception {
        List<Outcome> outcomes = registerAllAtOnce(i -> Registrations.withEmail(inLetterCase("racer", i) + "@Example.org"));

        assertExactlyOneWinner(outcomes, DuplicateUserException.Attribute.EMAIL);
    }

    private void assertExactlyOneWinner(List<Outcome> outcomes, DuplicateUserException.Attribute taken) {
        List<UserView> winners = outcomes.stream().filter(o -> o.user() != null).map(Outcome::user).toList();
        assertThat(winners).hasSize(1);
        assertThat(outcomes.stream().filter(o -> o.failure() != null).map(Outcome::failure))
                .hasSize(CONTENDERS - 1)
                .allSatisfy(failure -> assertThat(failure).isInstanceOfSatisfying(DuplicateUserException.class,
                        duplicate -> assertThat(duplicate.attribute()).isEqualTo(taken)));

        UserView winner = winners.getFirst();
        assertThat(dsl.fetch(USERS).getValues(USERS.ID)).containsExactly(winner.id());
        assertThat(dsl.fetch(PROFILES)).isEmpty();
        assertThat(dsl.fetch(EMAIL_TOKENS).getValues(EMAIL_TOKENS.USER_ID)).containsExactly(winner.id());
        assertThat(dsl.fetch(MAIL_OUTBOX).getValues(MAIL_OUTBOX.RECIPIENT)).containsExactly(winner.email());

        List<Record> audited = dsl.fetch("SELECT outcome, user_id FROM audit_events WHERE client_address = ?", client);
        assertThat(audited).filteredOn(row -> row.get("outcome").equals("SUCCESS"))
                .singleElement().extracting(row -> row.get("user_id", UUID.class)).isEqualTo(winner.id());
        assertThat(audited).filteredOn(row -> row.get("outcome").equals("FAILURE"))
                .hasSize(CONTENDERS - 1)
                .allSatisfy(row -> assertThat(row.get("user_id")).isNull());
    }

    /** Runs every registration on its own thread, all released together. */
    private List<Outcome> registerAllAtOnce(IntFunction<RegisterUserCommand> command) throws Exception {
        CountDownLatch ready = new CountDownLatch(CONTENDERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Outcome>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(CONTENDERS)) {
            for (int i = 0; i < CONTENDERS; i++) {
                RegisterUserCommand typed = command.apply(i);
                RegisterUserCommand registering =
                        new RegisterUserCommand(typed.username(), typed.email(), typed.password(), client);
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    try {
                        return new Outcome(registration.register(registering), null);
                    } catch (RuntimeException e) {
                        return new Outcome(null, e);
                    }
                }));
            }
            ready.await();
            go.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        }
    }

    /** The name with its letters upper- or lower-cased after the bits of {@code variant}. */
    private static String inLetterCase(String name, int variant) {
        StringBuilder cased = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            String letter = name.substring(i, i + 1);
            cased.append((variant >> i & 1) == 1 ? letter.toUpperCase(Locale.ROOT) : letter.toLowerCase(Locale.ROOT));
        }
        return cased.toString();
    }

    private record Outcome(UserView user, RuntimeException failure) {
    }
}
