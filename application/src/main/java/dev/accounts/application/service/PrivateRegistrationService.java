package dev.accounts.application.service;

import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.application.port.in.RegisterUserPrivatelyUseCase;
import dev.accounts.application.port.in.RegisterUserUseCase;
import dev.accounts.application.port.out.MailOutbox;
import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.application.port.out.RecentMail;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.domain.user.DuplicateUserException;
import dev.accounts.domain.user.EmailAddress;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Registration that answers alike whether the username and address were free or not. It registers through the
 * ordinary use case; when that finds a name taken, the address given is told by mail instead of the caller:
 * its owner that someone tried to register with it, or, when only the username was taken, that the name is in use.
 * Either way one password hash was paid before the insert, so the timing tells no more than the answer.
 * The notices count against the address's limit of user-triggered mail; past it they are silently dropped.
 */
public final class PrivateRegistrationService implements RegisterUserPrivatelyUseCase {

    private static final Logger LOG = System.getLogger(PrivateRegistrationService.class.getName());
    private static final Set<MailTemplate> NOTICES = EnumSet.of(MailTemplate.ACCOUNT_EXISTS_NOTICE,
            MailTemplate.USERNAME_TAKEN_NOTICE);

    private final RegisterUserUseCase registration;
    private final MailOutbox outbox;
    private final MailRequestLimits limits;
    private final Transactions transactions;
    private final Clock clock;

    public PrivateRegistrationService(RegisterUserUseCase registration, MailOutbox outbox, RecentMail recentMail,
                                      LifecyclePolicy lifecycle, Transactions transactions, Clock clock) {
        this.registration = registration;
        this.outbox = outbox;
        this.limits = new MailRequestLimits(recentMail, lifecycle);
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void register(RegisterUserCommand command) {
        try {
            registration.register(command);
        } catch (DuplicateUserException e) {
            // The command passed every rule before the insert failed, so the address is well-formed.
            EmailAddress given = new EmailAddress(command.email());
            OutgoingMail notice = switch (e.attribute()) {
                case EMAIL -> OutgoingMail.accountExistsNotice(given);
                case USERNAME -> OutgoingMail.usernameTakenNotice(given, command.username());
            };
            enqueueWithinLimits(notice);
        }
    }

    private void enqueueWithinLimits(OutgoingMail notice) {
        Instant now = Now.of(clock);
        if (!limits.allow(notice.recipient(), NOTICES, now)) {
            LOG.log(Level.INFO, () -> "private registration notice " + notice.template() + " outcome=limited");
            return;
        }
        transactions.inTransaction(() -> outbox.enqueue(notice));
    }
}
