package dev.accounts.application.service;

import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.NotFoundException;
import dev.accounts.application.port.in.admin.AdminUserView;
import dev.accounts.application.port.in.admin.ReactivateUserUseCase;
import dev.accounts.application.port.out.AuditTrail;
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

/** Lets a deactivated account log in again, for a superuser; the flag and the audit entry commit together. */
public final class ReactivateUserService implements ReactivateUserUseCase {

    private static final Logger LOG = System.getLogger(ReactivateUserService.class.getName());

    private final UserRepository users;
    private final AdminAction admin;
    private final AuditTrail audit;
    private final Transactions transactions;
    private final Clock clock;

    public ReactivateUserService(UserRepository users, AuditTrail audit, Transactions transactions, Clock clock) {
        this.users = users;
        this.admin = new AdminAction(AuditAction.USER_REACTIVATED, users, audit, clock);
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public AdminUserView reactivate(Authenticated current, String userId) {
        UserId id = Identifiers.userId(userId).orElse(null);
        User caller = admin.admit(current, id, null);
        if (id == null) {
            admin.refused(current, null, null);
            throw new NotFoundException();
        }
        Instant now = Now.of(clock);
        AuditEvent reactivated = admin.succeeded(current, id, null, now);
        User user = transactions.inTransaction(() -> {
            User found = users.findById(id).orElse(null);
            if (found == null) {
                return null;
            }
            User changed = found.reactivate(now);
            if (changed != found) {
                users.update(changed);
            }
            audit.record(reactivated);
            return changed;
        });
        if (user == null) {
            admin.refused(current, id, null);
            throw new NotFoundException();
        }
        LOG.log(Level.INFO, () -> "user reactivated user=" + id + " by=" + caller.id());
        return AdminUserView.from(user);
    }
}
