package dev.accounts.application.service;

import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.NotFoundException;
import dev.accounts.application.port.in.admin.AdminUserView;
import dev.accounts.application.port.in.admin.GetUserUseCase;
import dev.accounts.application.port.out.AuditTrail;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import java.time.Clock;

/** One account for a superuser; the look and its audit entry commit together, a miss is audited on its own. */
public final class GetUserService implements GetUserUseCase {

    private final UserRepository users;
    private final AdminAction admin;
    private final AuditTrail audit;
    private final Transactions transactions;
    private final Clock clock;

    public GetUserService(UserRepository users, AuditTrail audit, Transactions transactions, Clock clock) {
        this.users = users;
        this.admin = new AdminAction(AuditAction.ADMIN_USER_VIEWED, users, audit, clock);
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public AdminUserView getUser(Authenticated current, String userId) {
        UserId id = Identifiers.userId(userId).orElse(null);
        admin.admit(current, id, null);
        if (id == null) {
            admin.refused(current, null, null);
            throw new NotFoundException();
        }
        AuditEvent viewed = admin.succeeded(current, id, null, Now.of(clock));
        User user = transactions.inTransaction(() -> {
            User found = users.findById(id).orElse(null);
            if (found != null) {
                audit.record(viewed);
            }
            return found;
        });
        if (user == null) {
            admin.refused(current, id, null);
            throw new NotFoundException();
        }
        return AdminUserView.from(user);
    }
}
