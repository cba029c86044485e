package dev.accounts.adapter.out.persistence;

import static dev.accounts.adapter.out.persistence.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.application.fixtures.Users;
import dev.accounts.domain.user.DuplicateUserException;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.PasswordHash;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import dev.accounts.domain.user.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedDatabase.class)
class JooqUserRepositoryTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:15:30.123456Z");

    private final DSLContext dsl;
    private final JooqUserRepository repository;

    JooqUserRepositoryTest(TestDatabase database) {
        this.dsl = database.dsl();
        this.repository = new JooqUserRepository(dsl);
    }

    @Test
    void findsAStoredUserWithEveryAttributeAsStored() {
        User user = User.restore(new UserId(UUID.randomUUID()), new Username("Alice_Liddell"),
                new EmailAddress("Alice.Liddell+tea@Example.org"), new EmailAddress("New.Alice@Example.org"),
                new PasswordHash("$test-sha256$abc"), true, false, true, T0, T0.plusSeconds(60));

        repository.add(user);

        User found = repository.findById(user.id()).orElseThrow();
        assertThat(found).usingRecursiveComparison().isEqualTo(user);
        assertThat(found.username().value()).isEqualTo("Alice_Liddell");
        assertThat(found.email().value()).isEqualTo("Alice.Liddell+tea@Example.org");
        assertThat(found.pendingEmail()).map(EmailAddress::value).contains("New.Alice@Example.org");
    }

    @Test
    void findsNothingForAnUnknownId() {
        repository.add(Users.registered("someone", "someone@example.org"));

        assertThat(repository.findById(new UserId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void findsAUserByUsernameIgnoringCase() {
        User user = Users.registered("Bob_Builder", "bob@example.org");
        repository.add(user);
        repository.add(Users.registered("bob_builder2", "bob2@example.org"));

        assertThat(repository.findByUsername(new Username("bOB_bUILDER")))
                .hasValueSatisfying(found -> assertThat(found).usingRecursiveComparison().isEqualTo(user));
        assertThat(repository.findByUsername(new Username("bob_build"))).isEmpty();
    }

    @Test
    void findsAUserByLoginAddressIgnoringCase() {
        User user = Users.registered("claire", "Claire.Dunphy@Example.org");
        repository.add(user);

        assertThat(repository.findByEmail(new EmailAddress("claire.dunphy@EXAMPLE.ORG")))
                .hasValueSatisfying(found -> assertThat(found).usingRecursiveComparison().isEqualTo(user));
        assertThat(repository.findByEmail(new EmailAddress("claire@example.org"))).isEmpty();
    }

    @Test
    void doesNotFindAUserByAPendingAddress() {
        User user = Users.registered("dora", "dora@example.org");
        repository.add(user);
        repository.update(user.withPendingEmail(new EmailAddress("dora.new@example.org"), user.createdAt().plusSeconds(1)));

        assertThat(repository.findByEmail(new EmailAddress("dora.new@example.org"))).isEmpty();
    }

    @Test
    void storesEveryChangeAnUpdateMakesAndTheTimeOfTheChange() {
        User user = Users.registered("eve", "eve@example.org", Users.UNMATCHABLE_HASH, T0);
        repository.add(user);
        User changed = user.withUsername(new Username("Eve_Two"), T0.plusSeconds(1))
                .withPendingEmail(new EmailAddress("Eve.Two@Example.org"), T0.plusSeconds(2))
                .withPasswordHash(new PasswordHash("$test-sha256$new"), T0.plusSeconds(3));

        repository.update(changed);

        User found = repository.findById(user.id()).orElseThrow();
        assertThat(found).usingRecursiveComparison().isEqualTo(changed);
        assertThat(found.updatedAt()).isEqualTo(T0.plusSeconds(3)).isNotEqualTo(user.updatedAt());
    }

    @Test
    void storesAConfirmedAddressChangeAndForgetsThePendingAddress() {
        User user = Users.registered("fiona", "fiona@example.org", Users.UNMATCHABLE_HASH, T0);
        User pending = user.withPendingEmail(new EmailAddress("Fiona@New.example.org"), T0.plusSeconds(1));
        repository.add(user);
        repository.update(pending);
        assertThat(repository.findById(user.id()).orElseThrow().pendingEmail())
                .map(EmailAddress::value).contains("Fiona@New.example.org");

        User confirmed = pending.confirmPendingEmail(new EmailAddress("fiona@new.example.org"), T0.plusSeconds(2));
        repository.update(confirmed);

        User found = repository.findById(user.id()).orElseThrow();
        assertThat(found).usingRecursiveComparison().isEqualTo(confirmed);
        assertThat(found.pendingEmail()).isEmpty();
        assertThat(found.emailVerified()).isTrue();
        assertThat(repository.findByEmail(new EmailAddress("fiona@new.example.org"))).contains(confirmed);
    }

    @Test
    void letsTwoUsersWaitForTheSameNewAddress() {
        User gina = Users.registered("gina", "gina@example.org");
        User gus = Users.registered("gus", "gus@example.org");
        repository.add(gina);
        repository.add(gus);
        EmailAddress wanted = new EmailAddress("shared@example.org");

        repository.update(gina.withPendingEmail(wanted, gina.createdAt().plusSeconds(1)));
        repository.update(gus.withPendingEmail(new EmailAddress("SHARED@example.org"), gus.createdAt().plusSeconds(1)));

        assertThat(repository.findById(gina.id()).orElseThrow().pendingEmail()).contains(wanted);
        assertThat(repository.findById(gus.id()).orElseThrow().pendingEmail()).contains(wanted);
    }

    @Test
    void stampsAnUpdateMadeByHandThatLeavesUpdatedAtAlone() {
        User user = Users.registered("hank", "hank@example.org", Users.UNMATCHABLE_HASH, T0);
        repository.add(user);

        dsl.update(USERS).set(USERS.IS_ACTIVE, false).where(USERS.ID.eq(user.id().value())).execute();

        assertThat(repository.findById(user.id()).orElseThrow().updatedAt()).isAfter(T0);
    }

    @Test
    void rejectsRenamingToATakenUsernameIgnoringCaseAndKeepsTheOldName() {
        repository.add(Users.registered("ingrid", "ingrid@example.org"));
        User other = Users.registered("ike", "ike@example.org");
        repository.add(other);

        assertThatThrownBy(() -> repository.update(other.withUsername(new Username("INGRID"), Instant.now())))
                .isInstanceOfSatisfying(DuplicateUserException.class,
                        e -> assertThat(e.attribute()).isEqualTo(DuplicateUserException.Attribute.USERNAME));
        assertThat(repository.findById(other.id()).orElseThrow().username().value()).isEqualTo("ike");
    }

    @Test
    void rejectsConfirmingAnAddressAnotherUserTookMeanwhileIgnoringCase() {
        User jane = Users.registered("jane", "jane@example.org");
        User john = Users.registered("john", "john@example.org");
        repository.add(jane);
        repository.add(john);
        User waiting = john.withPendingEmail(new EmailAddress("wanted@example.org"), Instant.now());
        repository.update(waiting);
        repository.update(jane.withPendingEmail(new EmailAddress("Wanted@Example.org"), Instant.now())
                .confirmPendingEmail(new EmailAddress("wanted@example.org"), Instant.now()));

        assertThatThrownBy(() -> repository.update(
                waiting.confirmPendingEmail(new EmailAddress("wanted@example.org"), Instant.now().plus(Duration.ofSeconds(1)))))
                .isInstanceOfSatisfying(DuplicateUserException.class,
                        e -> assertThat(e.attribute()).isEqualTo(DuplicateUserException.Attribute.EMAIL));
        assertThat(repository.findById(john.id()).orElseThrow().email().value()).isEqualTo("john@example.org");
    }

    @Test
    void refusesToUpdateAUserThatIsNotStored() {
        User unknown = Users.registered("kate", "kate@example.org");

        assertThatThrownBy(() -> repository.update(unknown)).isInstanceOf(IllegalStateException.class);
        assertThat(dsl.fetchCount(USERS)).isZero();
    }

    @Test
    void rejectsATakenUsernameIgnoringCase() {
        repository.add(Users.registered("bob", "bob@example.org"));

        assertThatThrownBy(() -> repository.add(Users.registered("BoB", "other@example.org")))
                .isInstanceOfSatisfying(DuplicateUserException.class,
                        e -> assertThat(e.attribute()).isEqualTo(DuplicateUserException.Attribute.USERNAME));
    }

    @Test
    void rejectsATakenEmailIgnoringCase() {
        repository.add(Users.registered("carol", "carol@example.org"));

        assertThatThrownBy(() -> repository.add(Users.registered("caroline", "Carol@EXAMPLE.org")))
                .isInstanceOfSatisfying(DuplicateUserException.class,
                        e -> assertThat(e.attribute()).isEqualTo(DuplicateUserException.Attribute.EMAIL));
    }

    @Test
    void keepsTheFirstUserWhenASecondOneIsRejected() {
        User first = Users.registered("dave", "dave@example.org");
        repository.add(first);

        User second = Users.registered("DAVE", "dave2@example.org");
        assertThatThrownBy(() -> repository.add(second)).isInstanceOf(DuplicateUserException.class);

        assertThat(repository.findById(first.id())).contains(first);
        assertThat(repository.findById(second.id())).isEmpty();
    }

    @Test
    void letsOtherFailuresThroughUnchangedAndWithoutTheStoredValues() {
        User user = Users.registered("erin", "erin@example.org");
        repository.add(user);
        User sameId = User.restore(user.id(), new Username("frank"), new EmailAddress("frank@example.org"), null,
                user.passwordHash(), false, true, false, user.createdAt(), user.updatedAt());

        assertThatThrownBy(() -> repository.add(sameId))
                .isInstanceOf(org.jooq.exception.DataAccessException.class)
                .hasMessageContaining("users_pkey")
                .hasMessageNotContaining(user.id().toString())
                .hasMessageNotContaining("frank");
    }
}
