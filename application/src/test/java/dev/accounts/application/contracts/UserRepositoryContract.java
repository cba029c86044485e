package dev.accounts.application.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.application.contracts.Concurrently.Outcome;
import dev.accounts.application.fixtures.Users;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.user.DuplicateUserException;
import dev.accounts.domain.user.DuplicateUserException.Attribute;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.PasswordHash;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import dev.accounts.domain.user.Username;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UserRepository} promises: a user comes back as it was stored; username and login address are
 * unique ignoring case, on add and on update, decided atomically by the store (of many concurrent adds of one name,
 * exactly one wins) and reported as a {@link DuplicateUserException} naming the attribute; a pending address is
 * neither a login address nor unique; an update of a user that is not stored fails with an
 * {@link IllegalStateException} and stores nothing.
 *
 * <p>A subclass gives the repository under test, empty at the start of each test. Times in this contract have
 * microsecond precision, the finest PostgreSQL keeps.
 */
public abstract class UserRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");
    private static final int CONTENDERS = 16;

    /** The repository under test, empty at the start of each test. */
    protected abstract UserRepository users();

    @Test
    void findsAnAddedUserWithEveryAttributeAsStored() {
        User user = User.restore(new UserId(UUID.randomUUID()), new Username("Alice_Liddell"),
                new EmailAddress("Alice.Liddell+tea@Example.org"), new EmailAddress("New.Alice@Example.org"),
                new PasswordHash("$contract$abc"), true, false, true, T0, T0.plusSeconds(60));

        users().add(user);

        User found = users().findById(user.id()).orElseThrow();
        assertThat(found).usingRecursiveComparison().isEqualTo(user);
        assertThat(found.username().value()).as("kept as typed").isEqualTo("Alice_Liddell");
        assertThat(found.email().value()).as("kept as typed").isEqualTo("Alice.Liddell+tea@Example.org");
        assertThat(found.pendingEmail()).map(EmailAddress::value).contains("New.Alice@Example.org");
    }

    @Test
    void findsAUserWithoutAPendingAddressWithoutOne() {
        User user = registered("bella", "bella@example.org");

        users().add(user);

        User found = users().findById(user.id()).orElseThrow();
        assertThat(found).usingRecursiveComparison().isEqualTo(user);
        assertThat(found.pendingEmail()).isEmpty();
    }

    @Test
    void findsNothingForAnUnknownId() {
        users().add(registered("someone", "someone@example.org"));

        assertThat(users().findById(new UserId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void findsAUserByUsernameIgnoringCase() {
        User user = registered("Bob_Builder", "bob@example.org");
        users().add(user);
        users().add(registered("bob_builder2", "bob2@example.org"));

        assertThat(users().findByUsername(new Username("bOB_bUILDER")))
                .hasValueSatisfying(found -> assertThat(found).usingRecursiveComparison().isEqualTo(user));
        assertThat(users().findByUsername(new Username("bob_build"))).isEmpty();
    }

    @Test
    void findsAUserByLoginAddressIgnoringCase() {
        User user = registered("claire", "Claire.Dunphy@Example.org");
        users().add(user);

        assertThat(users().findByEmail(new EmailAddress("claire.dunphy@EXAMPLE.ORG")))
                .hasValueSatisfying(found -> assertThat(found).usingRecursiveComparison().isEqualTo(user));
        assertThat(users().findByEmail(new EmailAddress("claire@example.org"))).isEmpty();
    }

    @Test
    void doesNotFindAUserByAPendingAddress() {
        User user = registered("dora", "dora@example.org");
        users().add(user);

        users().update(user.withPendingEmail(new EmailAddress("dora.new@example.org"), T0.plusSeconds(1)));

        assertThat(users().findByEmail(new EmailAddress("dora.new@example.org"))).isEmpty();
        assertThat(users().findByEmail(new EmailAddress("dora@example.org"))).map(User::id).contains(user.id());
    }

    @Test
    void findsWhichOfANameAndAnAddressIsTakenIgnoringCaseTheNameFirst() {
        users().add(registered("hank", "hank@example.org"));
        User ida = registered("ida", "ida@example.org");
        users().add(ida);
        users().update(ida.withPendingEmail(new EmailAddress("ida.new@example.org"), T0.plusSeconds(1)));

        assertThat(users().findTaken(new Username("HANK"), new EmailAddress("free@example.org"))).contains(Attribute.USERNAME);
        assertThat(users().findTaken(new Username("free"), new EmailAddress("Hank@Example.ORG"))).contains(Attribute.EMAIL);
        assertThat(users().findTaken(new Username("ida"), new EmailAddress("hank@example.org")))
                .as("both taken, by two users").contains(Attribute.USERNAME);
        assertThat(users().findTaken(new Username("Hank"), new EmailAddress("HANK@example.org")))
                .as("both taken, by one user").contains(Attribute.USERNAME);
        assertThat(users().findTaken(new Username("free"), new EmailAddress("free@example.org"))).isEmpty();
        assertThat(users().findTaken(new Username("free"), new EmailAddress("ida.new@example.org")))
                .as("a pending address is not taken").isEmpty();
    }

    @Test
    void rejectsAddingATakenUsernameIgnoringCaseAndKeepsTheFirstUser() {
        User first = registered("bob", "bob@example.org");
        users().add(first);
        User second = registered("BoB", "other@example.org");

        assertDuplicate(() -> users().add(second), Attribute.USERNAME);

        assertThat(users().findById(first.id())).isPresent();
        assertThat(users().findById(second.id())).isEmpty();
        assertThat(users().findByEmail(second.email())).isEmpty();
    }

    @Test
    void rejectsAddingATakenAddressIgnoringCaseAndKeepsTheFirstUser() {
        User first = registered("carol", "carol@example.org");
        users().add(first);
        User second = registered("caroline", "Carol@EXAMPLE.org");

        assertDuplicate(() -> users().add(second), Attribute.EMAIL);

        assertThat(users().findById(first.id())).isPresent();
        assertThat(users().findById(second.id())).isEmpty();
        assertThat(users().findByUsername(second.username())).isEmpty();
    }

    @Test
    void letsANewUserRegisterWithAnAddressAnotherUserIsOnlyWaitingFor() {
        User waiting = registered("edgar", "edgar@example.org");
        users().add(waiting);
        users().update(waiting.withPendingEmail(new EmailAddress("wanted@example.org"), T0.plusSeconds(1)));
        User newcomer = registered("emma", "Wanted@Example.org");

        users().add(newcomer);

        assertThat(users().findByEmail(new EmailAddress("wanted@example.org"))).map(User::id).contains(newcomer.id());
    }

    @Test
    void letsTwoUsersWaitForTheSameNewAddress() {
        User gina = registered("gina", "gina@example.org");
        User gus = registered("gus", "gus@example.org");
        users().add(gina);
        users().add(gus);

        users().update(gina.withPendingEmail(new EmailAddress("shared@example.org"), T0.plusSeconds(1)));
        users().update(gus.withPendingEmail(new EmailAddress("SHARED@example.org"), T0.plusSeconds(1)));

        assertThat(users().findById(gina.id()).orElseThrow().pendingEmail()).map(EmailAddress::value)
                .contains("shared@example.org");
        assertThat(users().findById(gus.id()).orElseThrow().pendingEmail()).map(EmailAddress::value)
                .contains("SHARED@example.org");
    }

    @Test
    void storesEveryChangeAnUpdateMakesAndTheTimeOfTheChange() {
        User user = registered("eve", "eve@example.org");
        users().add(user);
        User changed = user.withUsername(new Username("Eve_Two"), T0.plusSeconds(1))
                .withPendingEmail(new EmailAddress("Eve.Two@Example.org"), T0.plusSeconds(2))
                .withPasswordHash(new PasswordHash("$contract$new"), T0.plusSeconds(3));

        users().update(changed);

        User found = users().findById(user.id()).orElseThrow();
        assertThat(found).usingRecursiveComparison().isEqualTo(changed);
        assertThat(found.updatedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(users().findByUsername(new Username("eve"))).isEmpty();
        assertThat(users().findByUsername(new Username("EVE_TWO"))).map(User::id).contains(user.id());
    }

    @Test
    void storesAConfirmedAddressChangeAndForgetsThePendingAddress() {
        User user = registered("fiona", "fiona@example.org");
        User pending = user.withPendingEmail(new EmailAddress("Fiona@New.example.org"), T0.plusSeconds(1));
        users().add(user);
        users().update(pending);

        User confirmed = pending.confirmPendingEmail(new EmailAddress("fiona@new.example.org"), T0.plusSeconds(2));
        users().update(confirmed);

        User found = users().findById(user.id()).orElseThrow();
        assertThat(found).usingRecursiveComparison().isEqualTo(confirmed);
        assertThat(found.pendingEmail()).isEmpty();
        assertThat(users().findByEmail(new EmailAddress("FIONA@new.example.org"))).map(User::id).contains(user.id());
        assertThat(users().findByEmail(new EmailAddress("fiona@example.org"))).as("the old address is free").isEmpty();
    }

    @Test
    void letsAUserChangeTheCaseOfItsOwnUsernameAndAddress() {
        User user = registered("hank", "hank@example.org");
        users().add(user);
        User recased = User.restore(user.id(), new Username("HANK"), new EmailAddress("Hank@Example.org"), null,
                user.passwordHash(), false, true, false, user.createdAt(), T0.plusSeconds(1));

        users().update(recased);

        assertThat(users().findById(user.id()).orElseThrow()).usingRecursiveComparison().isEqualTo(recased);
    }

    @Test
    void rejectsRenamingToATakenUsernameIgnoringCaseAndKeepsTheOldName() {
        users().add(registered("ingrid", "ingrid@example.org"));
        User other = registered("ike", "ike@example.org");
        users().add(other);

        assertDuplicate(() -> users().update(other.withUsername(new Username("INGRID"), T0.plusSeconds(1))),
                Attribute.USERNAME);

        assertThat(users().findById(other.id()).orElseThrow().username().value()).isEqualTo("ike");
    }

    @Test
    void rejectsTakingAnAddressAnotherUserHasIgnoringCaseAndKeepsTheOldOne() {
        User jane = registered("jane", "Wanted@Example.org");
        User john = registered("john", "john@example.org");
        users().add(jane);
        users().add(john);
        User waiting = john.withPendingEmail(new EmailAddress("wanted@example.org"), T0.plusSeconds(1));
        users().update(waiting);

        assertDuplicate(() -> users().update(
                waiting.confirmPendingEmail(new EmailAddress("wanted@example.org"), T0.plusSeconds(2))), Attribute.EMAIL);

        User found = users().findById(john.id()).orElseThrow();
        assertThat(found.email().value()).isEqualTo("john@example.org");
        assertThat(found.pendingEmail()).as("still waiting").isPresent();
    }

    @Test
    void refusesToUpdateAUserThatIsNotStored() {
        User unknown = registered("kate", "kate@example.org");

        assertThatThrownBy(() -> users().update(unknown)).isInstanceOf(IllegalStateException.class);

        assertThat(users().findById(unknown.id())).isEmpty();
        assertThat(users().findByUsername(unknown.username())).isEmpty();
    }

    @Test
    void letsExactlyOneOfManyConcurrentAddsOfAUsernameSucceed() throws InterruptedException {
        List<User> contenders = IntStream.range(0, CONTENDERS)
                .mapToObj(i -> registered(inLetterCase("racer", i), "racer" + i + "@example.org"))
                .toList();

        List<Outcome<Void>> outcomes = Concurrently.run(CONTENDERS, i -> () -> {
            users().add(contenders.get(i));
            return null;
        });

        assertExactlyOneWinner(outcomes, contenders, Attribute.USERNAME);
        User winner = winner(outcomes, contenders);
        assertThat(users().findByUsername(new Username("RACER"))).map(User::id).contains(winner.id());
    }

    @Test
    void letsExactlyOneOfManyConcurrentAddsOfAnAddressSucceed() throws InterruptedException {
        List<User> contenders = IntStream.range(0, CONTENDERS)
                .mapToObj(i -> registered("racer" + i, inLetterCase("racer", i) + "@Example.org"))
                .toList();

        List<Outcome<Void>> outcomes = Concurrently.run(CONTENDERS, i -> () -> {
            users().add(contenders.get(i));
            return null;
        });

        assertExactlyOneWinner(outcomes, contenders, Attribute.EMAIL);
        User winner = winner(outcomes, contenders);
        assertThat(users().findByEmail(new EmailAddress("racer@example.org"))).map(User::id).contains(winner.id());
    }

    private void assertExactlyOneWinner(List<Outcome<Void>> outcomes, List<User> contenders, Attribute taken) {
        assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> !outcome.succeeded()).extracting(Outcome::failure)
                .hasSize(CONTENDERS - 1)
                .allSatisfy(failure -> assertThat(failure).isInstanceOfSatisfying(DuplicateUserException.class,
                        duplicate -> assertThat(duplicate.attribute()).isEqualTo(taken)));
        assertThat(contenders).filteredOn(user -> users().findById(user.id()).isPresent()).hasSize(1);
    }

    private static User winner(List<Outcome<Void>> outcomes, List<User> contenders) {
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).succeeded()) {
                return contenders.get(i);
            }
        }
        throw new AssertionError("no contender won");
    }

    private static void assertDuplicate(Runnable write, Attribute taken) {
        assertThatThrownBy(write::run).isInstanceOfSatisfying(DuplicateUserException.class,
                duplicate -> assertThat(duplicate.attribute()).isEqualTo(taken));
    }

    private static User registered(String username, String email) {
        return Users.registered(username, email, Users.UNMATCHABLE_HASH, T0);
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
}
