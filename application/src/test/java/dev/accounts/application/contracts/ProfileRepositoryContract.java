package dev.accounts.application.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.fixtures.Users;
import dev.accounts.application.port.out.ProfileRepository;
import dev.accounts.domain.user.Profile;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProfileRepository} promises: one profile per user, each part kept exactly as saved (any Unicode,
 * up to the domain's longest, counted in characters), replaced as a whole by the next save, and
 * {@link Profile#EMPTY} for a user nothing was saved for.
 *
 * <p>A subclass gives the repository under test and makes the users the tests save profiles for known where the
 * repository needs them (e.g. in the table its rows refer to).
 */
public abstract class ProfileRepositoryContract {

    private final AtomicInteger users = new AtomicInteger();

    /** The repository under test. */
    protected abstract ProfileRepository profiles();

    /** Makes the user known wherever the repository needs it, e.g. the users table its rows refer to. */
    protected abstract void addUser(User user);

    @Test
    void findsTheEmptyProfileWhenNoneWasSaved() {
        UserId user = aUser();

        assertThat(profiles().find(user)).isEqualTo(Profile.EMPTY);
    }

    @Test
    void findsASavedProfileAsSaved() {
        UserId user = aUser();
        Profile profile = new Profile("Benoît Ünal-O'Brien", "Likes \"quotes\", émojis 🎉 and 中文.");

        profiles().save(user, profile);

        assertThat(profiles().find(user)).isEqualTo(profile);
    }

    @Test
    void findsASavedEmptyProfileAsEmpty() {
        UserId user = aUser();

        profiles().save(user, Profile.EMPTY);

        assertThat(profiles().find(user)).isEqualTo(Profile.EMPTY);
    }

    @Test
    void replacesTheWholeProfileOnTheNextSave() {
        UserId user = aUser();
        profiles().save(user, new Profile("Cid", "first"));

        profiles().save(user, new Profile(null, "second"));

        assertThat(profiles().find(user)).isEqualTo(new Profile(null, "second"));
    }

    @Test
    void keepsEachUsersProfileApart() {
        UserId dan = aUser();
        UserId deb = aUser();

        profiles().save(dan, new Profile("Dan", null));
        profiles().save(deb, new Profile("Deb", "bio"));

        assertThat(profiles().find(dan)).isEqualTo(new Profile("Dan", null));
        assertThat(profiles().find(deb)).isEqualTo(new Profile("Deb", "bio"));
    }

    @Test
    void keepsTheLongestPartsTheDomainAllowsCountedInCharacters() {
        UserId user = aUser();
        // Characters outside the BMP: 100 and 500 of them are twice as many Java chars and four times as many bytes.
        Profile longest = new Profile("😀".repeat(Profile.MAX_FULL_NAME_LENGTH), "𝄞".repeat(Profile.MAX_BIO_LENGTH));

        profiles().save(user, longest);

        assertThat(profiles().find(user)).isEqualTo(longest);
    }

    private UserId aUser() {
        int n = users.incrementAndGet();
        User user = Users.registered("profiled" + n, "profiled" + n + "@example.org");
        addUser(user);
        return user.id();
    }
}
