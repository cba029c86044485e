package dev.accounts.adapter.in.rest;

import dev.accounts.application.port.in.AccountView;
import dev.accounts.domain.user.UserId;
import java.time.Instant;
import java.util.UUID;

/** Object mother for the account views fake use cases answer with. */
final class Accounts {

    static final Instant CREATED = Instant.parse("2026-03-01T10:15:30.123456Z");
    static final Instant UPDATED = Instant.parse("2026-03-02T08:00:00.5Z");

    private Accounts() {
    }

    static UserId newUserId() {
        return new UserId(UUID.randomUUID());
    }

    /** A fresh, unverified account with no pending address and an empty profile. */
    static AccountView fresh(UserId id) {
        return new AccountView(id.value(), "alice", "alice@example.org", false, true, CREATED, UPDATED, null,
                new AccountView.ProfileView(null, null));
    }

    static AccountView withUsername(AccountView account, String username) {
        return new AccountView(account.id(), username, account.email(), account.emailVerified(), account.active(),
                account.createdAt(), account.updatedAt(), account.pendingEmail(), account.profile());
    }

    static AccountView withPendingEmail(AccountView account, String pendingEmail) {
        return new AccountView(account.id(), account.username(), account.email(), account.emailVerified(),
                account.active(), account.createdAt(), account.updatedAt(), pendingEmail, account.profile());
    }

    static AccountView withProfile(AccountView account, String fullName, String bio) {
        return new AccountView(account.id(), account.username(), account.email(), account.emailVerified(),
                account.active(), account.createdAt(), account.updatedAt(), account.pendingEmail(),
                new AccountView.ProfileView(fullName, bio));
    }

    static AccountView verified(AccountView account) {
        return new AccountView(account.id(), account.username(), account.email(), true, account.active(),
                account.createdAt(), account.updatedAt(), account.pendingEmail(), account.profile());
    }
}
