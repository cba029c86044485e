package dev.accounts.application.port.out;

import dev.accounts.domain.user.Profile;
import dev.accounts.domain.user.Session;
import dev.accounts.domain.user.User;
import java.util.Objects;

/**
 * A session with the account and the profile it belongs to, read together: every authenticated request needs the
 * session and the user, and {@code GET /api/users/me}, the busiest of them, the profile as well. One round trip to the
 * store instead of two on the busiest path of the service.
 */
public record SignedInSession(Session session, User user, Profile profile) {

    public SignedInSession {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(profile, "profile");
        if (!session.userId().equals(user.id())) {
            throw new IllegalArgumentException("the session belongs to another user");
        }
    }
}
