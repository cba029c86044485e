package dev.accounts.adapter.out.persistence;

import static dev.accounts.adapter.out.persistence.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.application.fixtures.Users;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.Username;
import java.time.Instant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the port's contract ({@link JooqUserRepositoryContractTest}) cannot see: the table's trigger and SQL failures. */
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
    void stampsAnUpdateMadeByHandThatLeavesUpdatedAtAlone() {
        User user = Users.registered("hank", "hank@example.org", Users.UNMATCHABLE_HASH, T0);
        repository.add(user);

        dsl.update(USERS).set(USERS.IS_ACTIVE, false).where(USERS.ID.eq(user.id().value())).execute();

        assertThat(repository.findById(user.id()).orElseThrow().updatedAt()).isAfter(T0);
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
