package dev.accounts.application.port.out;

import dev.accounts.domain.user.Session;
import dev.accounts.domain.user.TokenDigest;
import dev.accounts.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/** Login sessions, looked up by the digest of their bearer token. A revoked session is gone at once. */
public interface SessionStore {

    void add(Session session);

    /**
     * The session with its user and the user's profile ({@link dev.accounts.domain.user.Profile#EMPTY} when none was
     * saved), in one read: what authenticating a request needs, and what {@code GET /api/users/me} shows.
     */
    Optional<SignedInSession> findSignedIn(TokenDigest digest);

    /** Records a use of the session, which pushes its idle timeout back; never moves the last use backwards. */
    void touch(TokenDigest digest, Instant lastUsedAt);

    /** Ends one session; false when there was none. */
    boolean revoke(TokenDigest digest);

    /** Ends every session of the user; returns how many there were. */
    int revokeAll(UserId userId);

    /** Ends every session of the user but {@code keep}; returns how many were ended. */
    int revokeAllExcept(UserId userId, TokenDigest keep);
}
