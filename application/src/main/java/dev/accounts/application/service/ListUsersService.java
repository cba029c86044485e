package dev.accounts.application.service;

import dev.accounts.application.port.in.admin.AdminUserView;
import dev.accounts.application.port.in.admin.ListUsersQuery;
import dev.accounts.application.port.in.admin.ListUsersUseCase;
import dev.accounts.application.port.in.admin.Page;
import dev.accounts.application.port.out.AuditTrail;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.application.port.out.UserDirectory;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.application.port.out.UserSearch;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import java.time.Clock;
import java.util.List;

/**
 * Lists users for a superuser. Asks the directory for one row more than the page holds, to know whether a next page
 * exists without counting. The listing and its audit entry commit together.
 */
public final class ListUsersService implements ListUsersUseCase {

    private final UserDirectory directory;
    private final AdminAction admin;
    private final AuditTrail audit;
    private final Transactions transactions;
    private final Clock clock;

    public ListUsersService(UserRepository users, UserDirectory directory, AuditTrail audit, Transactions transactions,
                            Clock clock) {
        this.directory = directory;
        this.admin = new AdminAction(AuditAction.ADMIN_USERS_LISTED, users, audit, clock);
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Page<AdminUserView> listUsers(ListUsersQuery query) {
        admin.admit(query.current(), null, null);
        FieldErrors errors = new FieldErrors();
        String prefix = prefix(query.q(), errors);
        UserId after = isBlank(query.cursor()) ? null : Cursors.userAfter(query.cursor(), errors);
        int limit = PageRequests.limit(query.limit(), errors);
        errors.throwIfAny();

        UserSearch search = new UserSearch(prefix, query.verified(), query.active(), after, limit + 1);
        AuditEvent listed = admin.succeeded(query.current(), null, null, Now.of(clock));
        List<User> found = transactions.inTransaction(() -> {
            List<User> users = directory.search(search);
            audit.record(listed);
            return users;
        });
        return PageRequests.page(found, limit, AdminUserView::from, user -> Cursors.afterUser(user.id()));
    }

    /** Surrounding blanks are not part of a name or an address, so they are dropped; nothing left means no filter. */
    private static String prefix(String q, FieldErrors errors) {
        if (isBlank(q)) {
            return null;
        }
        String prefix = q.strip();
        if (prefix.codePointCount(0, prefix.length()) > MAX_QUERY_LENGTH) {
            errors.add("q", "must be at most " + MAX_QUERY_LENGTH + " characters long");
            return null;
        }
        // No name or address holds a control character, and PostgreSQL refuses NUL in text outright.
        if (prefix.codePoints().anyMatch(Character::isISOControl)) {
            errors.add("q", "must not contain control characters");
            return null;
        }
        return prefix;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
