package dev.accounts.application.service;

import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.ForbiddenException;
import dev.accounts.application.port.out.AuditTrail;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.audit.AuditOutcome;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * What every admin use case does around its work: let in only an active superuser, and audit the action with the
 * superuser as actor, the account or message it was about, and how it ended. A refusal is recorded on its own (there
 * is no change to join), a success in the use case's transaction.
 */
final class AdminAction {

    private final AuditAction action;
    private final UserRepository users;
    private final AuditTrail audit;
    private final Clock clock;

    AdminAction(AuditAction action, UserRepository users, AuditTrail audit, Clock clock) {
        this.action = action;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The caller, checked now rather than trusted from the session: a superuser whose rights or account were taken
     * away since logging in is refused at once.
     *
     * @param target the account the action is about, for the audit entry of a refusal; may be null
     * @param mail the message the action is about, likewise; may be null
     * @throws ForbiddenException when the caller is not an active superuser
     */
    User admit(Authenticated current, UserId target, UUID mail) {
        User caller = users.findById(current.userId()).orElse(null);
        if (caller == null || !caller.active() || !caller.superuser()) {
            refused(current, target, mail);
            throw new ForbiddenException();
        }
        return caller;
    }

    /** The entry for a success at {@code now}, for the caller to record in its transaction. */
    AuditEvent succeeded(Authenticated current, UserId target, UUID mail, Instant now) {
        return event(current, target, mail, AuditOutcome.SUCCESS, now);
    }

    /** Records a refusal, on its own. */
    void refused(Authenticated current, UserId target, UUID mail) {
        audit.record(event(current, target, mail, AuditOutcome.FAILURE, Now.of(clock)));
    }

    private AuditEvent event(Authenticated current, UserId target, UUID mail, AuditOutcome outcome, Instant now) {
        AuditEvent event = AuditEvent.byAdmin(now, action, current.userId(), target, current.clientAddress(), outcome);
        return mail == null ? event : event.aboutMail(mail);
    }
}
