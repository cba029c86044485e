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
    void findsTheEmptyProfileWhenNoneWasSaved() {
        User user = stored("amy");

        assertThat(profiles.find(user.id())).isEqualTo(Profile.EMPTY);
    }

    @Test
    void findsASavedProfileAsSaved() {
        User user = stored("ben");
        Profile profile = new Profile("Benoît Ünal-O'Brien", "Likes \"quotes\", émojis 🎉 and 中文.");

        profiles.save(user.id(), profile);

        assertThat(profiles.find(user.id())).isEqualTo(profile);
    }

    @Test
    void replacesTheProfileOnTheNextSaveKeepingOneRow() {
        User user = stored("cid");
        profiles.save(user.id(), Profile.EMPTY);
        profiles.save(user.id(), new Profile("Cid", "first"));

        profiles.save(user.id(), new Profile(null, "second"));

        assertThat(profiles.find(user.id())).isEqualTo(new Profile(null, "second"));
        assertThat(dsl.fetchCount(PROFILES, PROFILES.USER_ID.eq(user.id().value()))).isOne();
    }

    @Test
    void keepsEachUsersProfileApart() {
        User dan = stored("dan");
        User deb = stored("deb");

        profiles.save(dan.id(), new Profile("Dan", null));
        profiles.save(deb.id(), new Profile("Deb", null));

        assertThat(profiles.find(dan.id()).fullName()).isEqualTo("Dan");
        assertThat(profiles.find(deb.id()).fullName()).isEqualTo("Deb");
    }

    @Test
    void storesTheLongestPartsTheDomainAllowsCountedInCharactersNotBytes() {
        User user = stored("eli");
        // Four-byte code points: 100 and 500 of them are far more bytes than characters.
        Profile longest = new Profile("😀".repeat(Profile.MAX_FULL_NAME_LENGTH), "ü".repeat(Profile.MAX_BIO_LENGTH));

        profiles.save(user.id(), longest);

        assertThat(profiles.find(user.id())).isEqualTo(longest);
    }

    @Test
    void refusesAProfileForAUserThatIsNotStored() {
        UserId nobody = new UserId(UUID.randomUUID());

        assertThatThrownBy(() -> profiles.save(nobody, new Profile("Nobody", null)))
                .isInstanceOf(org.jooq.exception.DataAccessException.class)
                .hasMessageContaining("profiles_user_id_fkey");
        assertThat(dsl.fetchCount(PROFILES)).isZero();
    }

    private User stored(String username) {
        User user = Users.registered(username, username + "@example.org");
        users.add(user);
        return user;
    }
}
