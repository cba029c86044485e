package dev.accounts.application.service;

import dev.accounts.application.port.in.AccountView;
import dev.accounts.application.port.in.InvalidTokenException;
import dev.accounts.application.port.in.VerifyEmailUseCase;
import dev.accounts.application.port.out.EmailTokenStore;
import dev.accounts.application.port.out.ProfileRepository;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.user.EmailToken;
import dev.accounts.domain.user.TokenDigest;
import dev.accounts.domain.user.TokenPurpose;
import dev.accounts.domain.user.User;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;

/**
 * Uses a link from a mail. One page serves both kinds of link, so the token is tried as a verification token and
 * then as an address-change token. Consuming the token and changing the user share one transaction: when the
 * change fails (the new address was taken meanwhile), the token is not used up.
 */
public final class VerifyEmailService implements VerifyEmailUseCase {

    private static final Logger LOG = System.getLogger(VerifyEmailService.class.getName());

    private final UserRepository users;
    private final ProfileRepository profiles;
    private final EmailTokenStore tokens;
    private final Transactions transactions;
    private final Clock clock;

    public VerifyEmailService(UserRepository users, ProfileRepository profiles, EmailTokenStore tokens,
                              Transactions transactions, Clock clock) {
        this.users = users;
        this.profiles = profiles;
        this.tokens = tokens;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public AccountView verify(String token) {
        TokenDigest digest = MailedTokens.parse(token).digest();
        Instant now = Now.of(clock);
        User verified = transactions.inTransaction(() -> {
            EmailToken used = tokens.consume(digest, TokenPurpose.EMAIL_VERIFICATION, now)
                    .or(() -> tokens.consume(digest, TokenPurpose.EMAIL_CHANGE, now))
                    .orElseThrow(InvalidTokenException::new);
            User user = users.findById(used.userId()).orElseThrow(InvalidTokenException::new);
            User changed = apply(used, user, now);
            users.update(changed);
            return changed;
        });
        LOG.log(Level.INFO, () -> "email verified user=" + verified.id());
        return AccountView.of(verified, profiles.find(verified.id()));
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
