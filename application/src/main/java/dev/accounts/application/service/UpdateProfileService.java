package dev.accounts.application.service;

import dev.accounts.application.port.in.AccountView;
import dev.accounts.application.port.in.ProfileChange;
import dev.accounts.application.port.in.UpdateProfileCommand;
import dev.accounts.application.port.in.UpdateProfileUseCase;
import dev.accounts.application.port.out.ProfileRepository;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.user.Profile;
import dev.accounts.domain.user.User;
import java.util.Objects;

/** Sets some fields of the signed-in user's profile and keeps the others; every broken rule is reported at once. */
public final class UpdateProfileService implements UpdateProfileUseCase {

    private final UserRepository users;
    private final ProfileRepository profiles;
    private final Transactions transactions;

    public UpdateProfileService(UserRepository users, ProfileRepository profiles, Transactions transactions) {
        this.users = users;
        this.profiles = profiles;
        this.transactions = transactions;
    }

    @Override
    public AccountView updateProfile(UpdateProfileCommand command) {
        ProfileChange fullName = Objects.requireNonNullElse(command.fullName(), ProfileChange.KEEP);
        ProfileChange bio = Objects.requireNonNullElse(command.bio(), ProfileChange.KEEP);
        FieldErrors errors = new FieldErrors();
        // A kept value was checked when it was set: only new values need checking, and that needs no read.
        if (fullName instanceof ProfileChange.SetTo(String value)) {
            errors.parse("fullName", () -> check(value, Profile.MAX_FULL_NAME_LENGTH));
        }
        if (bio instanceof ProfileChange.SetTo(String value)) {
            errors.parse("bio", () -> check(value, Profile.MAX_BIO_LENGTH));
        }
        errors.throwIfAny();

        User user = SignedInUsers.load(users, command.current());
        Profile updated = transactions.inTransaction(() -> {
            // Read and written in one transaction, so a field kept here is the one stored, not an older copy.
            Profile stored = profiles.find(user.id());
            Profile profile = new Profile(fullName.applyTo(stored.fullName()), bio.applyTo(stored.bio()));
            profiles.save(user.id(), profile);
            return profile;
        });
        return AccountView.of(user, updated);
    }

    private static String check(String value, int maxLength) {
        Profile.check(value, maxLength);
        return value;
    }
}
