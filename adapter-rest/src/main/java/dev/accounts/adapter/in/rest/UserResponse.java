package dev.accounts.adapter.in.rest;

import dev.accounts.application.port.in.UserView;
import java.time.Instant;
import java.util.UUID;

/** A user as the API shows it. Built from {@link UserView}, which has no password hash to leak. */
public record UserResponse(UUID id, String username, String email, boolean emailVerified, boolean active,
                           Instant createdAt, Instant updatedAt) {

    public static UserResponse from(UserView user) {
        return new UserResponse(user.id(), user.username(), user.email(), user.emailVerified(), user.active(),
                user.createdAt(), user.updatedAt());
    }
}
