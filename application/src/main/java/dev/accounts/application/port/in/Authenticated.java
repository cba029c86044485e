package dev.accounts.application.port.in;

import dev.accounts.domain.user.Profile;
import dev.accounts.domain.user.TokenDigest;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import java.util.Objects;

/**
 * The user behind a request and their profile as its session was checked (read in the same look-up, so a read-only
 * use case need not load them again), the session it came with (by digest: the token itself is not kept), and the
 * client address it came from (may be null), for the audit trail. A use case that changes the user loads it again
 * inside its transaction.
 */
public record Authenticated(User account, Profile profile, TokenDigest session, String clientAddress) {

    public Authenticated {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(session, "session");
    }

    public UserId userId() {
        return account.id();
    }
}
