package dev.accounts.adapter.in.rest;

import dev.accounts.application.port.in.admin.AdminUserView;
import java.time.Instant;
import java.util.UUID;

/** An account as the admin API shows it: every attribute but the password hash, {@code pendingEmail} null when unset. */
public record AdminUserResponse(UUID id, String username, String email, String pendingEmail, boolean emailVerified,
                                boolean active, boolean superuser, Instant createdAt, Instant updatedAt) {

    public static AdminUserResponse from(AdminUserView user) {
        return new AdminUserResponse(user.id(), user.username(), user.email(), user.pendingEmail(), user.emailVerified(),
                user.active(), user.superuser(), user.createdAt(), user.updatedAt());
    }
}
