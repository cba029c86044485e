package dev.accounts.application.service;

import dev.accounts.application.port.in.AuthenticateUseCase;
import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.UnauthenticatedException;
import dev.accounts.application.port.out.SessionStore;
import dev.accounts.application.port.out.SignedInSession;
import dev.accounts.domain.user.InvalidValueException;
import dev.accounts.domain.user.SecretToken;
import dev.accounts.domain.user.Session;
import dev.accounts.domain.user.TokenDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns a bearer token into the user behind it: the session must exist, be within its absolute and idle lifetimes,
 * and belong to an active user. Runs on every authenticated request, so it writes as little as it can.
 */
public final class AuthenticateService implements AuthenticateUseCase {

    /**
     * A session's last use is recorded at most once a minute: a write per request would cost more than the request,
     * and an idle timeout measured in hours does not need a finer clock.
     */
    static final Duration TOUCH_GRANULARITY = Duration.ofMinutes(1);

    private final SessionStore sessions;
    private final LifecyclePolicy lifecycle;
    private final Clock clock;

    public AuthenticateService(SessionStore sessions, LifecyclePolicy lifecycle, Clock clock) {
        this.sessions = sessions;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    @Override
    public Authenticated authenticate(String bearerToken, String clientAddress) {
        TokenDigest digest = parse(bearerToken).digest();
        SignedInSession signedIn = sessions.findSignedIn(digest).orElseThrow(UnauthenticatedException::new);
        Session session = signedIn.session();
        Instant now = Now.of(clock);
        if (!session.isActiveAt(now, lifecycle.sessionIdleTimeout())) {
            // Dead for good: removing it keeps the store small and the next look-up short.
            sessions.revoke(digest);
            throw new UnauthenticatedException();
        }
        if (!signedIn.user().active()) {
            throw new UnauthenticatedException();
        }
        if (session.lastUsedAt().isBefore(now.minus(TOUCH_GRANULARITY))) {
            sessions.touch(digest, now);
        }
        return new Authenticated(signedIn.user(), signedIn.profile(), digest, clientAddress);
    }

    private static SecretToken parse(String bearerToken) {
        try {
            return SecretToken.parse(bearerToken);
        } catch (InvalidValueException e) {
            throw new UnauthenticatedException();
        }
    }
}
