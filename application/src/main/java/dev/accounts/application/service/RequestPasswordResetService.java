package dev.accounts.application.service;

import dev.accounts.application.port.in.RequestPasswordResetUseCase;
import dev.accounts.application.port.out.AuditTrail;
import dev.accounts.application.port.out.EmailTokenStore;
import dev.accounts.application.port.out.MailOutbox;
import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.application.port.out.RecentMail;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.audit.AuditOutcome;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.EmailToken;
import dev.accounts.domain.user.SecretToken;
import dev.accounts.domain.user.TokenPurpose;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Mails a reset link to the login address of an active account, and does nothing otherwise. Returns the same way in
 * every case, a refused one included (unknown address, inactive account, limit reached), so the caller learns
 * nothing about which addresses have accounts. A new link kills the older ones. Every request is audited: a mailed
 * link in its transaction, with the account's id; a refused one on its own, with an id only when an account exists.
 */
public final class RequestPasswordResetService implements RequestPasswordResetUseCase {

    private static final Logger LOG = System.getLogger(RequestPasswordResetService.class.getName());
    private static final Set<MailTemplate> RESET_MAIL = EnumSet.of(MailTemplate.PASSWORD_RESET);

    private final UserRepository users;
    private final EmailTokenStore tokens;
    private final MailOutbox outbox;
    private final MailRequestLimits limits;
    private final LifecyclePolicy lifecycle;
    private final AuditTrail audit;
    private final Transactions transactions;
    private final Clock clock;

    public RequestPasswordResetService(UserRepository users, EmailTokenStore tokens, MailOutbox outbox,
                                       RecentMail recentMail, LifecyclePolicy lifecycle, AuditTrail audit,
                                       Transactions transactions, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.outbox = outbox;
        this.limits = new MailRequestLimits(recentMail, lifecycle);
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void requestPasswordReset(String email, String clientAddress) {
        FieldErrors errors = new FieldErrors();
        EmailAddress address = errors.parse("email", () -> new EmailAddress(email));
        errors.throwIfAny();

        Instant now = Now.of(clock);
        Optional<User> found = users.findByEmail(address);
        if (found.isEmpty() || !found.get().active()) {
            // Kept visible, but with nothing about the address typed: it may be anyone's, or a typo of one.
            UserId inactive = found.map(User::id).orElse(null);
            audit.record(new AuditEvent(now, AuditAction.PASSWORD_RESET_REQUEST, inactive, clientAddress,
                    AuditOutcome.FAILURE));
            return;
        }
        User user = found.get();
        if (!limits.allow(user.email(), RESET_MAIL, now)) {
            audit.record(new AuditEvent(now, AuditAction.PASSWORD_RESET_REQUEST, user.id(), clientAddress,
                    AuditOutcome.THROTTLED));
            LOG.log(Level.INFO, () -> "password reset request user=" + user.id() + " outcome=limited");
            return;
        }
        SecretToken reset = SecretToken.generate();
        // Bound to the login address it is sent to: once that address changes, the link is dead.
        EmailToken stored = new EmailToken(reset.digest(), user.id(), user.email(), TokenPurpose.PASSWORD_RESET, now,
                now.plus(lifecycle.passwordResetTokenLifetime()));
        transactions.inTransaction(() -> {
            tokens.issue(stored);
            outbox.enqueue(OutgoingMail.passwordReset(user, reset));
            audit.record(new AuditEvent(now, AuditAction.PASSWORD_RESET_REQUEST, user.id(), clientAddress,
                    AuditOutcome.SUCCESS));
        });
        LOG.log(Level.INFO, () -> "password reset request user=" + user.id() + " outcome=mailed");
    }
}
