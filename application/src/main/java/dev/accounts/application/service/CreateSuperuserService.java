package dev.accounts.application.service;

import dev.accounts.application.port.in.CreateSuperuserUseCase;
import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.application.port.in.UserView;
import dev.accounts.application.port.out.AuditTrail;
import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.audit.AuditOutcome;
import dev.accounts.domain.user.DuplicateUserException;
import dev.accounts.domain.user.PasswordPolicy;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;

/**
 * Makes a superuser for an operator at the command line: the rules of registration, an address that counts as
 * verified (so no mail is sent), and an audit entry, all in one transaction.
 */
public final class CreateSuperuserService implements CreateSuperuserUseCase {

    private final UserRepository users;
    private final NewAccountRules rules;
    private final AuditTrail audit;
    private final Transactions transactions;
    private final Clock clock;

    public CreateSuperuserService(UserRepository users, PasswordHasher hasher,
                                  PasswordPolicy passwordPolicy, AuditTrail audit, Transactions transactions, Clock clock) {
        this.users = users;
        this.rules = new NewAccountRules(passwordPolicy, hasher);
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public UserView createSuperuser(RegisterUserCommand command) {
        NewAccountRules.Accepted accepted = rules.accept(command);
        Instant now = Now.of(clock);
        User superuser = User.registerSuperuser(UserId.generate(clock), accepted.username(), accepted.email(),
                accepted.passwordHash(), now);
        try {
            transactions.inTransaction(() -> {
                users.add(superuser);
                audit.record(new AuditEvent(now, AuditAction.SUPERUSER_CREATED, superuser.id(), command.clientAddress(),
                        AuditOutcome.SUCCESS));
            });
        } catch (DuplicateUserException e) {
            audit.record(new AuditEvent(now, AuditAction.SUPERUSER_CREATED, null, command.clientAddress(),
                    AuditOutcome.FAILURE));
            throw e;
        }
        return UserView.from(superuser);
    }
}
