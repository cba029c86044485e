package dev.accounts.application.service;

import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.ResendVerificationUseCase;
import dev.accounts.application.port.in.TooManyRequestsException;
import dev.accounts.application.port.out.EmailTokenStore;
import dev.accounts.application.port.out.MailOutbox;
import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.application.port.out.RecentMail;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.user.EmailToken;
import dev.accounts.domain.user.SecretToken;
import dev.accounts.domain.user.TokenPurpose;
import dev.accounts.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Mails a fresh verification link to the signed-in user's address; issuing it kills the older ones. The welcome mail
 * carries a link too, so it counts towards the once-a-minute limit.
 */
public final class ResendVerificationService implements ResendVerificationUseCase {

    private static final Set<MailTemplate> VERIFICATION_MAIL = EnumSet.of(MailTemplate.WELCOME, MailTemplate.EMAIL_VERIFICATION);

    private final UserRepository users;
    private final EmailTokenStore tokens;
    private final MailOutbox outbox;
    private final MailRequestLimits limits;
    private final LifecyclePolicy lifecycle;
    private final Transactions transactions;
    private final Clock clock;

    public ResendVerificationService(UserRepository users, EmailTokenStore tokens, MailOutbox outbox, RecentMail recentMail,
                                     LifecyclePolicy lifecycle, Transactions transactions, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.outbox = outbox;
        this.limits = new MailRequestLimits(recentMail, lifecycle);
        this.lifecycle = lifecycle;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void resendVerification(Authenticated current) {
        User user = SignedInUsers.load(users, current);
        if (user.emailVerified()) {
            return;
        }
        Instant now = Now.of(clock);
        limits.waitBefore(user.email(), VERIFICATION_MAIL, now).ifPresent(wait -> {
            throw new TooManyRequestsException(wait);
        });
        SecretToken verification = SecretToken.generate();
        EmailToken stored = new EmailToken(verification.digest(), user.id(), user.email(), TokenPurpose.EMAIL_VERIFICATION,
                now, now.plus(lifecycle.verificationTokenLifetime()));
        transactions.inTransaction(() -> {
            tokens.issue(stored);
            outbox.enqueue(OutgoingMail.emailVerification(user, verification));
        });
    }
}
