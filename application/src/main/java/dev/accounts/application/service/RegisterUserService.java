package dev.accounts.application.service;

import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.application.port.in.RegisterUserUseCase;
import dev.accounts.application.port.in.UserView;
import dev.accounts.application.port.out.AuditTrail;
import dev.accounts.application.port.out.EmailTokenStore;
import dev.accounts.application.port.out.MailOutbox;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.audit.AuditOutcome;
import dev.accounts.domain.user.DuplicateUserException;
import dev.accounts.domain.user.EmailToken;
import dev.accounts.domain.user.PasswordPolicy;
import dev.accounts.domain.user.SecretToken;
import dev.accounts.domain.user.TokenPurpose;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks every rule first, hashes outside any transaction, then stores in one transaction the user, an
 * email-verification token, the welcome mail that carries it and the audit entry. No profile is stored: a user without
 * one has the empty profile ({@link dev.accounts.application.port.out.ProfileRepository#find}), and writing it would
 * cost every registration a row, and every instance a cache notification, for nothing. A taken username or
 * address is found by the store's unique index at insert time; that refusal is audited after the rollback. With
 * {@link TakenNameCheck#BEFORE_HASHING} an obvious duplicate is answered before the hash, from one read.
 */
public final class RegisterUserService implements RegisterUserUseCase {

    private final UserRepository users;
    private final EmailTokenStore tokens;
    private final MailOutbox outbox;
    private final NewAccountRules rules;
    private final LifecyclePolicy lifecycle;
    private final AuditTrail audit;
    private final Transactions transactions;
    private final Clock clock;
    private final TakenNameCheck takenNameCheck;

    /** Finds taken names at insert only ({@link TakenNameCheck#AT_INSERT}): every answer costs one hash. */
    public RegisterUserService(UserRepository users, EmailTokenStore tokens, MailOutbox outbox,
                               PasswordHasher hasher, PasswordPolicy passwordPolicy, LifecyclePolicy lifecycle,
                               AuditTrail audit, Transactions transactions, Clock clock) {
        this(users, tokens, outbox, hasher, passwordPolicy, lifecycle, audit, transactions, clock,
                TakenNameCheck.AT_INSERT);
    }

    public RegisterUserService(UserRepository users, EmailTokenStore tokens, MailOutbox outbox,
                               PasswordHasher hasher, PasswordPolicy passwordPolicy, LifecyclePolicy lifecycle,
                               AuditTrail audit, Transactions transactions, Clock clock, TakenNameCheck takenNameCheck) {
        this.users = users;
        this.tokens = tokens;
        this.outbox = outbox;
        this.rules = new NewAccountRules(passwordPolicy, hasher);
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.takenNameCheck = Objects.requireNonNull(takenNameCheck, "takenNameCheck");
    }

    @Override
    public UserView register(RegisterUserCommand command) {
        NewAccountRules.Valid valid = rules.validate(command);
        if (takenNameCheck == TakenNameCheck.BEFORE_HASHING) {
            rejectIfTaken(valid, command.clientAddress());
        }
        NewAccountRules.Accepted accepted = rules.hash(valid);
        Instant now = Now.of(clock);
        User user = User.register(UserId.generate(clock), accepted.username(), accepted.email(), accepted.passwordHash(), now);
        SecretToken verification = SecretToken.generate();
        EmailToken stored = new EmailToken(verification.digest(), user.id(), user.email(), TokenPurpose.EMAIL_VERIFICATION,
                now, now.plus(lifecycle.verificationTokenLifetime()));
        try {
            transactions.inTransaction(() -> {
                users.add(user);
                tokens.issueFirst(stored);
                outbox.enqueue(OutgoingMail.welcome(user, verification));
                audit.record(new AuditEvent(now, AuditAction.REGISTRATION, user.id(), command.clientAddress(),
                        AuditOutcome.SUCCESS));
            });
        } catch (DuplicateUserException e) {
            // The transaction is gone: the refusal is recorded on its own. No user id: none was made.
            audit.record(new AuditEvent(now, AuditAction.REGISTRATION, null, command.clientAddress(), AuditOutcome.FAILURE));
            throw e;
        }
        return UserView.from(user);
    }

    /** Username first, as the unique indexes are checked in that order at insert. */
    private void rejectIfTaken(NewAccountRules.Valid valid, String clientAddress) {
        Optional<DuplicateUserException.Attribute> taken = users.findTaken(valid.username(), valid.email());
        if (taken.isPresent()) {
            throw refused(taken.get(), clientAddress);
        }
    }

    /** Audited as the insert's refusal is: no user id, since none was made. */
    private DuplicateUserException refused(DuplicateUserException.Attribute taken, String clientAddress) {
        audit.record(new AuditEvent(Now.of(clock), AuditAction.REGISTRATION, null, clientAddress, AuditOutcome.FAILURE));
        return new DuplicateUserException(taken);
    }
}
