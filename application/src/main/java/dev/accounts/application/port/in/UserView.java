package dev.accounts.application.port.in;

import dev.accounts.domain.user.User;
import java.time.Instant;
import java.util.UUID;

/** What a client may see of a user: never the password hash. */
public record UserView(UUID id, String username, String email, boolean emailVerified, boolean active,
                       Instant createdAt, Instant updatedAt) {

    public static UserView from(User user) {
        return new UserView(user.id().value(), user.username().value(), user.email().value(), user.emailVerified(),
                user.active(), user.createdAt(), user.updatedAt());
    }
}
