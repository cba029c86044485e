package dev.accounts.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.application.fixtures.Users;
import dev.accounts.domain.user.DuplicateUserException;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.PasswordHash;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import dev.accounts.domain.user.Username;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedDatabase.class)
class JooqUserRepositoryTest {

    private final JooqUserRepository repository;

    JooqUserRepositoryTest(TestDatabase database) {
        this.repository = new JooqUserRepository(database.dsl());
    }

    @Test
    void findsAStoredUserWithEveryAttributeAsStored() {
        Instant created = Instant.parse("2025-03-01T10:15:30.123456Z");
        User user = User.restore(new UserId(UUID.randomUUID()), new Username("Alice_Liddell"),
                new EmailAddress("Alice.Liddell+tea@Example.org"), new PasswordHash("$test-sha256$abc"),
                true, false, true, created, created.plusSeconds(60));

        repository.add(user);

        User found = repository.findById(user.id()).orElseThrow();
        assertThat(found).usingRecursiveComparison().isEqualTo(user);
        assertThat(found.username().value()).isEqualTo("Alice_Liddell");
        assertThat(found.email().value()).isEqualTo("Alice.Liddell+tea@Example.org");
    }

    @Test
    void findsNothingForAnUnknownId() {
        repository.add(Users.registered("someone", "someone@example.org"));

        assertThat(repository.findById(new UserId(UUID.randomUUID()))).isEmpty();
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
        User sameId = User.restore(user.id(), new Username("frank"), new EmailAddress("frank@example.org"),
                user.passwordHash(), false, true, false, user.createdAt(), user.updatedAt());

        assertThatThrownBy(() -> repository.add(sameId))
                .isInstanceOf(org.jooq.exception.DataAccessException.class)
                .hasMessageContaining("users_pkey")
                .hasMessageNotContaining(user.id().toString())
                .hasMessageNotContaining("frank");
    }
}
