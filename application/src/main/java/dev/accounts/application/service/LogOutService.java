package dev.accounts.application.service;

import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.LogOutUseCase;
import dev.accounts.application.port.out.AuditTrail;
import dev.accounts.application.port.out.SessionStore;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.audit.AuditOutcome;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;

/**
 * Revokes the session the request came with, on the server: its token is dead at once, wherever it was copied. The
 * revocation and its audit entry commit together.
 */
public final class LogOutService implements LogOutUseCase {

    private static final Logger LOG = System.getLogger(LogOutService.class.getName());

    private final SessionStore sessions;
    private final AuditTrail audit;
    private final Transactions transactions;
    private final Clock clock;

    public LogOutService(SessionStore sessions, AuditTrail audit, Transactions transactions, Clock clock) {
        this.sessions = sessions;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void logOut(Authenticated current) {
        AuditEvent loggedOut = new AuditEvent(Now.of(clock), AuditAction.LOGOUT, current.userId(), current.clientAddress(),
                AuditOutcome.SUCCESS);
        transactions.inTransaction(() -> {
            sessions.revoke(current.session());
            audit.record(loggedOut);
        });
        LOG.log(Level.INFO, () -> "logout user=" + current.userId() + " session=" + current.session().shortForm());
    }
}
