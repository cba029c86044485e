package dev.accounts.adapter.in.rest;

import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.UpdateAccountCommand;

/**
 * The body of {@code PATCH /api/users/me}. Only these three fields may be sent; a field left out (or null) stays as
 * it is. The account's other fields are named read-only, so a client trying to set one learns why it is refused.
 * {@code toString} hides the password.
 */
@ReadOnlyFields({"id", "emailVerified", "active", "superuser", "passwordHash", "password", "pendingEmail",
        "createdAt", "updatedAt", "profile"})
public record UpdateAccountRequest(@SingleLine String username, @SingleLine String email, String currentPassword) {

    public UpdateAccountCommand toCommand(Authenticated current) {
        return new UpdateAccountCommand(current, username, email, currentPassword);
    }

    @Override
    public String toString() {
        return "UpdateAccountRequest[username=" + username + ", email=" + email + ", currentPassword="
                + (currentPassword == null ? "absent" : "hidden") + "]";
    }
}
