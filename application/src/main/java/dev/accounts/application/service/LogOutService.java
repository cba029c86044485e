package dev.accounts.application.service;

import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.LogOutUseCase;
import dev.accounts.application.port.out.SessionStore;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** Revokes the session the request came with, on the server: its token is dead at once, wherever it was copied. */
public final class LogOutService implements LogOutUseCase {

    private static final Logger LOG = System.getLogger(LogOutService.class.getName());

    private final SessionStore sessions;

    public LogOutService(SessionStore sessions) {
        this.sessions = sessions;
    }

    @Override
    public void logOut(Authenticated current) {
        // One statement: atomic on its own, no transaction needed.
        sessions.revoke(current.session());
        LOG.log(Level.INFO, () -> "logout user=" + current.userId() + " session=" + current.session().shortForm());
    }
}
