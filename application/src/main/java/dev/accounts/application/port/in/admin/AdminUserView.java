package dev.accounts.application.port.in.admin;

import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.User;
import java.time.Instant;
import java.util.UUID;

/**
 * What a superuser sees of an account: every attribute but the password hash. {@code pendingEmail} is null when no
 * address change waits for confirmation.
 */
public record AdminUserView(UUID id, String username, String email, String pendingEmail, boolean emailVerified,
                            boolean active, boolean superuser, Instant createdAt, Instant updatedAt) {

    public static AdminUserView from(User user) {
        return new AdminUserView(user.id().value(), user.username().value(), user.email().value(),
                user.pendingEmail().map(EmailAddress::value).orElse(null), user.emailVerified(), user.active(),
                user.superuser(), user.createdAt(), user.updatedAt());
    }
}
