package dev.accounts.adapter.in.rest;

import dev.accounts.application.port.in.AccountView;
import java.time.Instant;
import java.util.UUID;

/**
 * The signed-in user's account as the API shows it. Every field is always present: {@code pendingEmail} and the
 * profile's parts are {@code null} when unset, so clients need not guess whether a field was left out.
 */
public record AccountResponse(UUID id, String username, String email, boolean emailVerified, boolean active,
                              Instant createdAt, Instant updatedAt, String pendingEmail, ProfileResponse profile) {

    /** The profile part of an account. */
    public record ProfileResponse(String fullName, String bio) {
    }

    public static AccountResponse from(AccountView account) {
        AccountView.ProfileView profile = account.profile();
        return new AccountResponse(account.id(), account.username(), account.email(), account.emailVerified(),
                account.active(), account.createdAt(), account.updatedAt(), account.pendingEmail(),
                profile == null ? new ProfileResponse(null, null) : new ProfileResponse(profile.fullName(), profile.bio()));
    }
}
