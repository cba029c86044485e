package dev.accounts.application.port.out;

import dev.accounts.domain.user.Session;
import dev.accounts.domain.user.User;
import java.util.Objects;

/**
 * A session and the account it belongs to, read together: every authenticated request needs both, and reading them
 * in one go is the difference between one round trip to the store and two on the busiest path of the service.
 */
public record SignedInSession(Session session, User user) {

    public SignedInSession {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(user, "user");
        if (!session.userId().equals(user.id())) {
            throw new IllegalArgumentException("the session belongs to another user");
        }
    }
}
