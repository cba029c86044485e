package dev.accounts.application.service;

import dev.accounts.application.port.in.InvalidCredentialsException;
import dev.accounts.application.port.in.LogInCommand;
import dev.accounts.application.port.in.LogInUseCase;
import dev.accounts.application.port.in.NewSession;
import dev.accounts.application.port.in.TooManyRequestsException;
import dev.accounts.application.port.out.AuditTrail;
import dev.accounts.application.port.out.LoginThrottle;
import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.application.port.out.SessionStore;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.audit.AuditOutcome;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.InvalidValueException;
import dev.accounts.domain.user.Password;
import dev.accounts.domain.user.PasswordHash;
import dev.accounts.domain.user.SecretToken;
import dev.accounts.domain.user.Session;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import dev.accounts.domain.user.Username;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Logs a user in by username or address and password. An unknown login, a wrong password and an inactive account
 * fail alike, and each costs exactly one password verification, so neither the answer nor its timing tells which
 * logins exist. A hash made with weaker parameters than the current ones is replaced on success.
 *
 * <p>Failures are throttled per existing account and per client address ({@link LoginThrottlePolicy}): while either
 * must wait, every attempt is refused with the remaining wait before any password is looked at. A success clears
 * the account's failures, when it has any (the address's wear off with time). Every outcome goes to the audit trail,
 * a success in the transaction that opens the session.
 */
public final class LogInService implements LogInUseCase {

    private static final Logger LOG = System.getLogger(LogInService.class.getName());

    private final UserRepository users;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final LifecyclePolicy lifecycle;
    private final LoginFailures failures;
    private final AuditTrail audit;
    private final Transactions transactions;
    private final Clock clock;
    /** Verified against when there is no user, so that an unknown login costs what a known one does. */
    private final PasswordHash dummyHash;

    public LogInService(UserRepository users, SessionStore sessions, PasswordHasher hasher, LifecyclePolicy lifecycle,
                        LoginThrottle throttle, LoginThrottlePolicy throttlePolicy, AuditTrail audit,
                        Transactions transactions, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.lifecycle = lifecycle;
        this.failures = new LoginFailures(throttle, throttlePolicy);
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.dummyHash = hasher.hash(unguessable());
    }

    @Override
    public NewSession logIn(LogInCommand command) {
        Optional<User> found = findByLogin(command.login());
        UserId account = found.map(User::id).orElse(null);
        String client = command.clientAddress();
        Instant now = Now.of(clock);
        LoginFailures.Standing standing = failures.standing(account, client, now);
        Optional<Duration> wait = standing.retryAfter();
        if (wait.isPresent()) {
            // Not verified at all: a guess made during the wait must teach nothing, a right one included.
            audit.record(new AuditEvent(now, AuditAction.LOGIN_THROTTLED, account, client, AuditOutcome.THROTTLED));
            LOG.log(Level.INFO, () -> "login outcome=throttled user=" + (account == null ? "unknown" : account));
            throw new TooManyRequestsException(wait.get());
        }
        Optional<Password> typed = TypedPasswords.checkable(command.password());
        // Verify first, whatever is already known to fail: every failure then costs one verification.
        boolean matches = hasher.matches(typed.orElseGet(LogInService::unguessable),
                found.map(User::passwordHash).orElse(dummyHash));
        if (found.isEmpty() || typed.isEmpty() || !matches || !found.get().active()) {
            failures.recordFailure(account, client, now);
            audit.record(new AuditEvent(now, AuditAction.LOGIN, account, client, AuditOutcome.FAILURE));
            LOG.log(Level.INFO, () -> "login outcome=failure user=" + (account == null ? "unknown" : account));
            throw new InvalidCredentialsException();
        }
        User user = found.get();
        Optional<PasswordHash> rehashed = hasher.needsRehash(user.passwordHash())
                ? Optional.of(hasher.hash(typed.get())) : Optional.empty();

        SecretToken token = SecretToken.generate();
        Session session = Session.start(token.digest(), user.id(), now, lifecycle.sessionLifetime());
        transactions.inTransaction(() -> {
            rehashed.ifPresent(hash -> replaceHash(user, hash, now));
            sessions.add(session);
            audit.record(new AuditEvent(now, AuditAction.LOGIN, user.id(), client, AuditOutcome.SUCCESS));
        });
        // Only the account is forgiven: clearing the client address on success would let someone guess at other
        // accounts and reset the count by logging into one of their own every few tries.
        failures.forgiveAccount(user.id(), standing);
        LOG.log(Level.INFO, () -> "login outcome=success user=" + user.id() + " session=" + token.digest().shortForm()
                + (rehashed.isPresent() ? " rehashed=true" : ""));
        return new NewSession(token.reveal(), session.expiresAt());
    }

    /** A login that cannot be a username or an address is simply unknown: it must fail like any other. */
    private Optional<User> findByLogin(String login) {
        if (login == null) {
            return Optional.empty();
        }
        try {
            return login.indexOf('@') >= 0
                    ? users.findByEmail(new EmailAddress(login))
                    : users.findByUsername(new Username(login));
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }

    /**
     * Replaces the hash only if it is still the one verified: re-read in the transaction, so that a password
     * changed meanwhile is not overwritten by a rehash of the old one.
     */
    private void replaceHash(User verified, PasswordHash rehashed, Instant now) {
        users.findById(verified.id())
                .filter(current -> current.passwordHash().equals(verified.passwordHash()))
                .ifPresent(current -> users.update(current.withPasswordHash(rehashed, now)));
    }

    private static Password unguessable() {
        return Password.of(SecretToken.generate().reveal());
    }
}
