package dev.accounts.application.service;

import dev.accounts.application.port.in.AccountView;
import dev.accounts.application.port.in.InvalidTokenException;
import dev.accounts.application.port.in.VerifyEmailUseCase;
import dev.accounts.application.port.out.AuditTrail;
import dev.accounts.application.port.out.EmailTokenStore;
import dev.accounts.application.port.out.ProfileRepository;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.audit.AuditOutcome;
import dev.accounts.domain.user.DuplicateUserException;
import dev.accounts.domain.user.EmailToken;
import dev.accounts.domain.user.TokenDigest;
import dev.accounts.domain.user.TokenPurpose;
import dev.accounts.domain.user.User;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Uses a link from a mail. One page serves both kinds of link, so the token is tried as a verification token and
 * then as an address-change token. Consuming the token and changing the user share one transaction: when the
 * change fails (the new address was taken meanwhile), the token is not used up. Success is audited in that
 * transaction; a refusal after its rollback, against the token's user when the token was found.
 */
public final class VerifyEmailService implements VerifyEmailUseCase {

    private static final Logger LOG = System.getLogger(VerifyEmailService.class.getName());

    private final UserRepository users;
    private final ProfileRepository profiles;
    private final EmailTokenStore tokens;
    private final AuditTrail audit;
    private final Transactions transactions;
    private final Clock clock;

    public VerifyEmailService(UserRepository users, ProfileRepository profiles, EmailTokenStore tokens, AuditTrail audit,
                              Transactions transactions, Clock clock) {
        this.users = users;
        this.profiles = profiles;
        this.tokens = tokens;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public AccountView verify(String token, String clientAddress) {
        Instant now = Now.of(clock);
        // Set once the token is known: a refusal after that point is recorded against its user.
        AtomicReference<EmailToken> consumed = new AtomicReference<>();
        User verified;
        try {
            TokenDigest digest = MailedTokens.parse(token).digest();
            verified = transactions.inTransaction(() -> {
                EmailToken used = tokens.consume(digest, TokenPurpose.EMAIL_VERIFICATION, now)
                        .or(() -> tokens.consume(digest, TokenPurpose.EMAIL_CHANGE, now))
                        .orElseThrow(InvalidTokenException::new);
                consumed.set(used);
                User user = users.findById(used.userId()).orElseThrow(InvalidTokenException::new);
                User changed = apply(used, user, now);
                users.update(changed);
                audit.record(new AuditEvent(now, actionOf(used), changed.id(), clientAddress, AuditOutcome.SUCCESS));
                return changed;
            });
        } catch (InvalidTokenException | DuplicateUserException e) {
            // The transaction rolled back, the token is not used up; the refusal is recorded on its own.
            EmailToken used = consumed.get();
            audit.record(used == null
                    ? new AuditEvent(now, AuditAction.EMAIL_VERIFICATION, null, clientAddress, AuditOutcome.FAILURE)
                    : new AuditEvent(now, actionOf(used), used.userId(), clientAddress, AuditOutcome.FAILURE));
            throw e;
        }
        LOG.log(Level.INFO, () -> "email verified user=" + verified.id());
        return AccountView.of(verified, profiles.find(verified.id()));
    }

    /** Following a verification link verifies; following an address-change link completes the change. */
    private static AuditAction actionOf(EmailToken token) {
        return token.purpose() == TokenPurpose.EMAIL_CHANGE ? AuditAction.EMAIL_CHANGE : AuditAction.EMAIL_VERIFICATION;
    }

    /** A token sent to an address that is no longer the one in question is as good as superseded. */
    private static User apply(EmailToken token, User user, Instant now) {
        try {
            return switch (token.purpose()) {
                case EMAIL_VERIFICATION -> user.verifyEmail(token.address(), now);
                case EMAIL_CHANGE -> user.confirmPendingEmail(token.address(), now);
                case PASSWORD_RESET -> throw new InvalidTokenException();
            };
        } catch (IllegalStateException e) {
            throw new InvalidTokenException();
        }
    }
}
