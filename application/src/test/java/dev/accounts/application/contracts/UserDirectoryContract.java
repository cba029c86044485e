package dev.accounts.application.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.port.out.UserDirectory;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.application.port.out.UserSearch;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.PasswordHash;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import dev.accounts.domain.user.Username;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UserDirectory} promises: a search finds the users that match every criterion given (a prefix of the
 * username or of the login address ignoring case and taken literally, the verified and active flags), each as stored,
 * in {@link UserDirectory#ID_ORDER} (unsigned, as PostgreSQL orders uuids), only those after the id given, and no more
 * than the limit; so that following pages, each after the last id of the one before, meet every match exactly once.
 *
 * <p>A subclass gives the directory under test and the repository that fills it, over one store that is empty at the
 * start of each test. Times in this contract have microsecond precision, the finest PostgreSQL keeps.
 */
public abstract class UserDirectoryContract {

    private static final Instant T0 = Instant.parse("2026-04-01T09:00:00.654321Z");

    /** The repository that adds the users the directory finds. */
    protected abstract UserRepository users();

    /** The directory under test, over the same store as {@link #users()}. */
    protected abstract UserDirectory directory();

    @Test
    void findsEveryUserAsStoredInIdOrderComparedUnsigned() {
        // Ids on both sides of the sign bit of each half: a signed comparison would put the second half first.
        List<User> stored = new ArrayList<>(List.of(
                user("0000aaaa-0000-7000-8000-000000000001", "ann", "ann@example.org", true, true),
                user("7fffffff-ffff-7fff-bfff-ffffffffffff", "ben", "ben@example.org", false, true),
                user("80000000-0000-7000-8000-000000000000", "cat", "cat@example.org", true, false),
                user("80000000-0000-7000-c000-000000000000", "dan", "dan@example.org", false, false),
                user("ffffffff-ffff-7fff-bfff-ffffffffffff", "eve", "eve@example.org", true, true)));
        List<User> shuffled = new ArrayList<>(stored);
        Collections.shuffle(shuffled, new Random(7));
        shuffled.forEach(users()::add);

        List<User> found = directory().search(UserSearch.everyone(100));

        assertThat(found).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(stored);
    }

    @Test
    void findsAUserWithAPendingAddressAsStored() {
        User user = user("01900000-0000-7000-8000-000000000001", "Fay_Pending", "Fay@Example.org", true, true)
                .withPendingEmail(new EmailAddress("fay.new@example.org"), T0.plusSeconds(1));
        users().add(user);

        assertThat(directory().search(UserSearch.everyone(10))).singleElement()
                .usingRecursiveComparison().isEqualTo(user);
    }

    @Test
    void findsNoMoreThanTheLimitTheFirstInIdOrder() {
        List<User> stored = manyUsers(5);

        assertThat(ids(directory().search(UserSearch.everyone(3)))).containsExactlyElementsOf(ids(stored.subList(0, 3)));
    }

    @Test
    void findsOnlyUsersAfterTheIdGivenWhetherOrNotItIsStored() {
        List<User> stored = manyUsers(5);
        UserId second = stored.get(1).id();
        UserId between = new UserId(new UUID(second.value().getMostSignificantBits(),
                second.value().getLeastSignificantBits() + 1));

        assertThat(ids(directory().search(new UserSearch(null, null, null, second, 10))))
                .containsExactlyElementsOf(ids(stored.subList(2, 5)));
        assertThat(ids(directory().search(new UserSearch(null, null, null, between, 10))))
                .containsExactlyElementsOf(ids(stored.subList(2, 5)));
        assertThat(directory().search(new UserSearch(null, null, null, stored.get(4).id(), 10))).isEmpty();
    }

    @Test
    void pagesFollowingOneAnotherMeetEveryUserOnce() {
        List<User> stored = manyUsers(7);
        List<UserId> met = new ArrayList<>();
        UserId after = null;
        for (int page = 0; page < 10; page++) {
            List<User> found = directory().search(new UserSearch(null, null, null, after, 3));
            if (found.isEmpty()) {
                break;
            }
            met.addAll(ids(found));
            after = found.getLast().id();
        }

        assertThat(met).containsExactlyElementsOf(ids(stored));
    }

    @Test
    void findsUsersWhoseUsernameStartsWithThePrefixIgnoringCase() {
        User alice = add("01900000-0000-7000-8000-000000000001", "Alice_L", "one@example.org");
        User alina = add("01900000-0000-7000-8000-000000000002", "alina", "two@example.org");
        add("01900000-0000-7000-8000-000000000003", "malice", "three@example.org");

        assertThat(ids(directory().search(prefix("ALI")))).containsExactly(alice.id(), alina.id());
        assertThat(ids(directory().search(prefix("alice_l")))).containsExactly(alice.id());
    }

    @Test
    void findsUsersWhoseLoginAddressStartsWithThePrefixIgnoringCaseButNotByAPendingOne() {
        User bob = add("01900000-0000-7000-8000-000000000001", "robert", "Bob.Builder@Example.org");
        User pending = add("01900000-0000-7000-8000-000000000002", "someone", "someone@example.org");
        users().update(pending.withPendingEmail(new EmailAddress("bob.other@example.org"), T0.plusSeconds(1)));
        add("01900000-0000-7000-8000-000000000003", "carl", "carl.bob@example.org");

        assertThat(ids(directory().search(prefix("bob.")))).containsExactly(bob.id());
        assertThat(ids(directory().search(prefix("BOB.BUILDER@EXAMPLE.ORG")))).containsExactly(bob.id());
    }

    @Test
    void findsAUserOnceWhenBothItsUsernameAndItsAddressMatch() {
        User dana = add("01900000-0000-7000-8000-000000000001", "dana", "dana@example.org");

        assertThat(ids(directory().search(prefix("dan")))).containsExactly(dana.id());
    }

    @Test
    void takesWildcardCharactersOfThePrefixLiterally() {
        User underscored = add("01900000-0000-7000-8000-000000000001", "a_b", "first@example.org");
        add("01900000-0000-7000-8000-000000000002", "axb", "second@example.org");
        add("01900000-0000-7000-8000-000000000003", "abc", "third@example.org");

        assertThat(ids(directory().search(prefix("a_")))).containsExactly(underscored.id());
        assertThat(directory().search(prefix("a%"))).isEmpty();
        assertThat(directory().search(prefix("%"))).isEmpty();
        assertThat(directory().search(prefix("\\"))).isEmpty();
    }

    @Test
    void filtersByTheVerifiedAndActiveFlags() {
        User verifiedActive = stored(user("01900000-0000-7000-8000-000000000001", "vac", "va@example.org", true, true));
        User verifiedInactive = stored(user("01900000-0000-7000-8000-000000000002", "vic", "vi@example.org", true, false));
        User unverifiedActive = stored(user("01900000-0000-7000-8000-000000000003", "uac", "ua@example.org", false, true));
        User unverifiedInactive = stored(user("01900000-0000-7000-8000-000000000004", "uic", "ui@example.org", false,
                false));

        assertThat(ids(directory().search(new UserSearch(null, true, null, null, 10))))
                .containsExactly(verifiedActive.id(), verifiedInactive.id());
        assertThat(ids(directory().search(new UserSearch(null, null, false, null, 10))))
                .containsExactly(verifiedInactive.id(), unverifiedInactive.id());
        assertThat(ids(directory().search(new UserSearch(null, false, true, null, 10))))
                .containsExactly(unverifiedActive.id());
        assertThat(ids(directory().search(new UserSearch("u", false, false, null, 10))))
                .containsExactly(unverifiedInactive.id());
        assertThat(directory().search(new UserSearch("v", false, null, null, 10))).isEmpty();
    }

    @Test
    void combinesEveryCriterionWithThePosition() {
        List<User> matching = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            User user = stored(user("01900000-0000-7000-8000-00000000000" + i, "zed" + i, "zed" + i + "@example.org",
                    true, i % 2 == 0));
            if (i % 2 == 0) {
                matching.add(user);
            }
        }

        assertThat(ids(directory().search(new UserSearch("ZED", null, true, matching.get(0).id(), 1))))
                .containsExactly(matching.get(1).id());
    }

    @Test
    void findsNothingInAnEmptyStoreOrWhenNothingMatches() {
        assertThat(directory().search(UserSearch.everyone(10))).isEmpty();

        add("01900000-0000-7000-8000-000000000001", "frank", "frank@example.org");

        assertThat(directory().search(prefix("rank"))).isEmpty();
        assertThat(directory().search(prefix("frankly"))).isEmpty();
    }

    private static UserSearch prefix(String prefix) {
        return new UserSearch(prefix, null, null, null, 100);
    }

    /**
     * {@code count} users with increasing time-ordered ids, with a gap after each, added out of order; returned in id
     * order.
     */
    private List<User> manyUsers(int count) {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(user("01900000-0000-7000-8000-0000000000%02d".formatted(2 * i), "user" + i,
                    "user" + i + "@example.org", false, true));
        }
        List<User> shuffled = new ArrayList<>(users);
        Collections.shuffle(shuffled, new Random(11));
        shuffled.forEach(users()::add);
        return users;
    }

    private User add(String id, String username, String email) {
        return stored(user(id, username, email, false, true));
    }

    private User stored(User user) {
        users().add(user);
        return user;
    }

    private static User user(String id, String username, String email, boolean verified, boolean active) {
        return User.restore(new UserId(UUID.fromString(id)), new Username(username), new EmailAddress(email), null,
                new PasswordHash("$contract$" + username), verified, active, false, T0, T0);
    }

    private static List<UserId> ids(List<User> users) {
        return users.stream().map(User::id).toList();
    }
}
