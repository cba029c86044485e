package dev.accounts.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.application.port.in.AccountView;
import dev.accounts.application.port.in.AccountView.ProfileView;
import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.FieldError;
import dev.accounts.application.port.in.InvalidInputException;
import dev.accounts.application.port.in.ProfileChange;
import dev.accounts.application.port.in.UpdateProfileCommand;
import dev.accounts.domain.user.Profile;
import dev.accounts.domain.user.User;
import org.junit.jupiter.api.Test;

class UpdateProfileServiceTest {

    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final User alice = accounts.register("alice", "alice@example.com");
    private final Authenticated current = accounts.signIn("alice");

    @Test
    void setsTheGivenFieldsAndKeepsTheOthers() {
        update(ProfileChange.to("Alice Liddell"), ProfileChange.to("Fell down a rabbit hole"));

        AccountView view = update(ProfileChange.KEEP, ProfileChange.to("Back home"));

        assertThat(view.profile()).isEqualTo(new ProfileView("Alice Liddell", "Back home"));
        assertThat(accounts.profiles.find(alice.id())).isEqualTo(new Profile("Alice Liddell", "Back home"));
    }

    @Test
    void clearsAFieldSetToNull() {
        update(ProfileChange.to("Alice Liddell"), ProfileChange.to("Fell down a rabbit hole"));

        update(ProfileChange.to(null), ProfileChange.KEEP);

        assertThat(accounts.profiles.find(alice.id())).isEqualTo(new Profile(null, "Fell down a rabbit hole"));
    }

    @Test
    void acceptsTheLongestAllowedValuesCountedInCodePoints() {
        String name = "\uD83D\uDC07".repeat(Profile.MAX_FULL_NAME_LENGTH);

        update(ProfileChange.to(name), ProfileChange.to("b".repeat(Profile.MAX_BIO_LENGTH)));

        assertThat(accounts.profiles.find(alice.id()).fullName()).isEqualTo(name);
    }

    @Test
    void reportsAnOverlongNameAndControlCharactersInTheBioTogetherChangingNothing() {
        update(ProfileChange.to("Alice"), ProfileChange.KEEP);

        assertThatThrownBy(() -> update(ProfileChange.to("x".repeat(Profile.MAX_FULL_NAME_LENGTH + 1)),
                ProfileChange.to("line one\nline two")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("fullName", "must be at most 100 characters long"),
                        new FieldError("bio", "must not contain control characters or line breaks")));
        assertThat(accounts.profiles.find(alice.id())).isEqualTo(new Profile("Alice", null));
    }

    @Test
    void rejectsAnOverlongBio() {
        assertThatThrownBy(() -> update(ProfileChange.KEEP, ProfileChange.to("b".repeat(Profile.MAX_BIO_LENGTH + 1))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("bio", "must be at most 500 characters long")));
    }

    @Test
    void aMissingChangeKeepsTheField() {
        update(ProfileChange.to("Alice"), ProfileChange.to("Bio"));

        assertThat(accounts.updateProfile.updateProfile(new UpdateProfileCommand(current, null, null)).profile())
                .isEqualTo(new ProfileView("Alice", "Bio"));
    }

    private AccountView update(ProfileChange fullName, ProfileChange bio) {
        return accounts.updateProfile.updateProfile(new UpdateProfileCommand(current, fullName, bio));
    }
}
