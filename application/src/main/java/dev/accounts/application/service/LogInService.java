package dev.accounts.application.service;

import dev.accounts.application.port.in.InvalidCredentialsException;
import dev.accounts.application.port.in.LogInCommand;
import dev.accounts.application.port.in.LogInUseCase;
import dev.accounts.application.port.in.NewSession;
import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.application.port.out.SessionStore;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.InvalidValueException;
import dev.accounts.domain.user.Password;
import dev.accounts.domain.user.PasswordHash;
import dev.accounts.domain.user.SecretToken;
import dev.accounts.domain.user.Session;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.Username;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Logs a user in by username or address and password. An unknown login, a wrong password and an inactive account
 * fail alike, and each costs exactly one password verification, so neither the answer nor its timing tells which
 * logins exist. A hash made with weaker parameters than the current ones is replaced on success.
 */
public final class LogInService implements LogInUseCase {

    private static final Logger LOG = System.getLogger(LogInService.class.getName());

    private final UserRepository users;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final LifecyclePolicy lifecycle;
    private final Transactions transactions;
    private final Clock clock;
    /** Verified against when there is no user, so that an unknown login costs what a known one does. */
    private final PasswordHash dummyHash;

    public LogInService(UserRepository users, SessionStore sessions, PasswordHasher hasher, LifecyclePolicy lifecycle,
                        Transactions transactions, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.lifecycle = lifecycle;
        this.transactions = transactions;
        this.clock = clock;
        this.dummyHash = hasher.hash(unguessable());
    }

    @Override
    public NewSession logIn(LogInCommand command) {
        Optional<User> found = findByLogin(command.login());
        Optional<Password> typed = TypedPasswords.checkable(command.password());
        // Verify first, whatever is already known to fail: every failure then costs one verification.
        boolean matches = hasher.matches(typed.orElseGet(LogInService::unguessable),
                found.map(User::passwordHash).orElse(dummyHash));
        if (found.isEmpty() || typed.isEmpty() || !matches || !found.get().active()) {
            LOG.log(Level.INFO, () -> "login outcome=failure user=" + found.map(u -> u.id().toString()).orElse("unknown"));
            throw new InvalidCredentialsException();
        }
        User user = found.get();
        Optional<PasswordHash> rehashed = hasher.needsRehash(user.passwordHash())
                ? Optional.of(hasher.hash(typed.get())) : Optional.empty();

        Instant now = Now.of(clock);
        SecretToken token = SecretToken.generate();
        Session session = Session.start(token.digest(), user.id(), now, lifecycle.sessionLifetime());
        transactions.inTransaction(() -> {
            rehashed.ifPresent(hash -> replaceHash(user, hash, now));
            sessions.add(session);
        });
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
