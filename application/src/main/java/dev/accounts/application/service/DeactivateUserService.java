package dev.accounts.application.service;

import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.NotFoundException;
import dev.accounts.application.port.in.admin.AdminUserView;
import dev.accounts.application.port.in.admin.CannotDeactivateSelfException;
import dev.accounts.application.port.in.admin.DeactivateUserUseCase;
import dev.accounts.application.port.out.AuditTrail;
import dev.accounts.application.port.out.SessionStore;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;

/**
 * Deactivates an account for a superuser. The flag, the end of every session of the account and the audit entry commit
 * together: once the answer is out, none of the account's tokens works, on any instance. A superuser cannot deactivate
 * themselves, so the last one cannot lock the admin API away.
 */
public final class DeactivateUserService implements DeactivateUserUseCase {

    private static final Logger LOG = System.getLogger(DeactivateUserService.class.getName());

    private final UserRepository users;
    private final SessionStore sessions;
    private final AdminAction admin;
    private final AuditTrail audit;
    private final Transactions transactions;
    private final Clock clock;

    public DeactivateUserService(UserRepository users, SessionStore sessions, AuditTrail audit, Transactions transactions,
                                 Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.admin = new AdminAction(AuditAction.USER_DEACTIVATED, users, audit, clock);
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public AdminUserView deactivate(Authenticated current, String userId) {
        UserId id = Identifiers.userId(userId).orElse(null);
        User caller = admin.admit(current, id, null);
        if (id == null) {
            admin.refused(current, null, null);
            throw new NotFoundException();
        }
        if (id.equals(caller.id())) {
            admin.refused(current, id, null);
            throw new CannotDeactivateSelfException();
        }
        Instant now = Now.of(clock);
        AuditEvent deactivated = admin.succeeded(current, id, null, now);
        int[] sessionsEnded = new int[1];
        User user = transactions.inTransaction(() -> {
            User found = users.findById(id).orElse(null);
            if (found == null) {
                return null;
            }
            User changed = found.deactivate(now);
            if (changed != found) {
                users.update(changed);
            }
            // Even when it was inactive already: a session left over from before must not outlive this answer.
            sessionsEnded[0] = sessions.revokeAll(id);
            audit.record(deactivated);
            return changed;
        });
        if (user == null) {
            admin.refused(current, id, null);
            throw new NotFoundException();
        }
        LOG.log(Level.INFO, () -> "user deactivated user=" + id + " by=" + caller.id()
                + " sessionsEnded=" + sessionsEnded[0]);
        return AdminUserView.from(user);
    }
}
