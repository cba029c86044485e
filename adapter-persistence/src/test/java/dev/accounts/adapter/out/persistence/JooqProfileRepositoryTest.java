package dev.accounts.adapter.out.persistence;

import static dev.accounts.adapter.out.persistence.jooq.Tables.PROFILES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.application.fixtures.Users;
import dev.accounts.domain.user.Profile;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the port's contract ({@link JooqProfileRepositoryContractTest}) cannot see: rows and the foreign key. */
@ExtendWith(SharedDatabase.class)
class JooqProfileRepositoryTest {

    private final DSLContext dsl;
    private final JooqUserRepository users;
    private final JooqProfileRepository profiles;

    JooqProfileRepositoryTest(TestDatabase database) {
        this.dsl = database.dsl();
        this.users = new JooqUserRepository(dsl);
        this.profiles = new JooqProfileRepository(dsl);
    }

    @Test
    void keepsOneRowPerUserAcrossSaves() {
        User user = Users.registered("cid", "cid@example.org");
        users.add(user);

        profiles.save(user.id(), Profile.EMPTY);
        profiles.save(user.id(), new Profile("Cid", "first"));
        profiles.save(user.id(), new Profile(null, "second"));

        assertThat(dsl.fetchCount(PROFILES, PROFILES.USER_ID.eq(user.id().value()))).isOne();
    }

    @Test
    void refusesAProfileForAUserThatIsNotStored() {
        UserId nobody = new UserId(UUID.randomUUID());

        assertThatThrownBy(() -> profiles.save(nobody, new Profile("Nobody", null)))
                .isInstanceOf(org.jooq.exception.DataAccessException.class)
                .hasMessageContaining("profiles_user_id_fkey");
        assertThat(dsl.fetchCount(PROFILES)).isZero();
    }
}
