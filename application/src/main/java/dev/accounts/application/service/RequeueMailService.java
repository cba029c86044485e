package dev.accounts.application.service;

import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.NotFoundException;
import dev.accounts.application.port.in.admin.MailNotRequeueableException;
import dev.accounts.application.port.in.admin.RequeueMailUseCase;
import dev.accounts.application.port.out.AuditTrail;
import dev.accounts.application.port.out.DeadLetter;
import dev.accounts.application.port.out.DeadLetters;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.user.User;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Puts a dead message back in the outbox for a superuser, due at once, with every attempt available again. The change
 * and its audit entry commit together; the delivery worker picks the message up at its next poll. A refusal (no such
 * dead message, or one that cannot be sent again) is audited on its own.
 */
public final class RequeueMailService implements RequeueMailUseCase {

    private static final Logger LOG = System.getLogger(RequeueMailService.class.getName());

    private final DeadLetters deadLetters;
    private final AdminAction admin;
    private final AuditTrail audit;
    private final Transactions transactions;
    private final Clock clock;

    public RequeueMailService(UserRepository users, DeadLetters deadLetters, AuditTrail audit, Transactions transactions,
                              Clock clock) {
        this.deadLetters = deadLetters;
        this.admin = new AdminAction(AuditAction.MAIL_REQUEUED, users, audit, clock);
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void requeue(Authenticated current, String mailId) {
        UUID id = Identifiers.uuid(mailId).orElse(null);
        User caller = admin.admit(current, null, id);
        if (id == null) {
            admin.refused(current, null, null);
            throw new NotFoundException();
        }
        Instant now = Now.of(clock);
        AuditEvent requeued = admin.succeeded(current, null, id, now);
        try {
            transactions.inTransaction(() -> {
                DeadLetter dead = deadLetters.find(id).orElseThrow(NotFoundException::new);
                if (!RequeueableMail.isRequeueable(dead.template())) {
                    throw new MailNotRequeueableException();
                }
                // Another superuser may have put it back since it was found: then this one has nothing to do.
                if (!deadLetters.requeue(id, now)) {
                    throw new NotFoundException();
                }
                audit.record(requeued);
            });
        } catch (NotFoundException | MailNotRequeueableException e) {
            admin.refused(current, null, id);
            throw e;
        }
        LOG.log(Level.INFO, () -> "mail requeued outbox_id=" + id + " by=" + caller.id());
    }
}
