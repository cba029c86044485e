package dev.accounts.application.port.in;

import dev.accounts.domain.user.Profile;
import dev.accounts.domain.user.User;
import java.time.Instant;
import java.util.UUID;

/** What a signed-in user sees of their own account: never the password hash. */
public record AccountView(UUID id, String username, String email, boolean emailVerified, boolean active,
                          Instant createdAt, Instant updatedAt, String pendingEmail, ProfileView profile) {

    /** The profile part; either value may be null. */
    public record ProfileView(String fullName, String bio) {
    }

    public static AccountView of(User user, Profile profile) {
        return new AccountView(user.id().value(), user.username().value(), user.email().value(), user.emailVerified(),
                user.active(), user.createdAt(), user.updatedAt(), user.pendingEmail().map(Object::toString).orElse(null),
                new ProfileView(profile.fullName(), profile.bio()));
    }
}
