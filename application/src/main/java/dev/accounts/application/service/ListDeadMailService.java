package dev.accounts.application.service;

import dev.accounts.application.port.in.admin.DeadMailView;
import dev.accounts.application.port.in.admin.ListDeadMailQuery;
import dev.accounts.application.port.in.admin.ListDeadMailUseCase;
import dev.accounts.application.port.in.admin.Page;
import dev.accounts.application.port.out.AuditTrail;
import dev.accounts.application.port.out.DeadLetter;
import dev.accounts.application.port.out.DeadLetterKey;
import dev.accounts.application.port.out.DeadLetters;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import java.time.Clock;
import java.util.List;

/** Lists dead mail for a superuser, a page at a time, as {@link ListUsersService} lists users. */
public final class ListDeadMailService implements ListDeadMailUseCase {

    private final DeadLetters deadLetters;
    private final AdminAction admin;
    private final AuditTrail audit;
    private final Transactions transactions;
    private final Clock clock;

    public ListDeadMailService(UserRepository users, DeadLetters deadLetters, AuditTrail audit, Transactions transactions,
                               Clock clock) {
        this.deadLetters = deadLetters;
        this.admin = new AdminAction(AuditAction.ADMIN_DEAD_MAIL_LISTED, users, audit, clock);
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Page<DeadMailView> listDeadMail(ListDeadMailQuery query) {
        admin.admit(query.current(), null, null);
        FieldErrors errors = new FieldErrors();
        DeadLetterKey after = query.cursor() == null || query.cursor().isBlank() ? null
                : Cursors.deadLetterAfter(query.cursor(), errors);
        int limit = PageRequests.limit(query.limit(), errors);
        errors.throwIfAny();

        AuditEvent listed = admin.succeeded(query.current(), null, null, Now.of(clock));
        List<DeadLetter> found = transactions.inTransaction(() -> {
            List<DeadLetter> letters = deadLetters.list(after, limit + 1);
            audit.record(listed);
            return letters;
        });
        return PageRequests.page(found, limit, ListDeadMailService::view, letter -> Cursors.afterDeadLetter(letter.key()));
    }

    private static DeadMailView view(DeadLetter letter) {
        return new DeadMailView(letter.id(), letter.recipient(), letter.template(), letter.attempts(), letter.lastError(),
                letter.createdAt(), letter.diedAt(), RequeueableMail.isRequeueable(letter.template()));
    }
}
