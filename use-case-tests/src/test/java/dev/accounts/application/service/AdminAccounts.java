package dev.accounts.application.service;

import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.application.port.out.QueuedMail;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The admin use cases on the same in-memory stores, watched ports and clock as the account use cases of
 * {@link InMemoryAccounts}, and a superuser, made as an operator makes one and signed in.
 */
final class AdminAccounts {

    static final String CLIENT = "203.0.113.9";

    final InMemoryAccounts accounts;
    final ListUsersService listUsers;
    final GetUserService getUser;
    final DeactivateUserService deactivateUser;
    final ReactivateUserService reactivateUser;
    final ListDeadMailService listDeadMail;
    final RequeueMailService requeueMail;
    final Authenticated admin;

    AdminAccounts() {
        this(new InMemoryAccounts());
    }

    AdminAccounts(InMemoryAccounts accounts) {
        this.accounts = accounts;
        var store = accounts.store;
        listUsers = new ListUsersService(accounts.users, store.userDirectory(), accounts.auditWitness,
                accounts.transactions, accounts.clock);
        getUser = new GetUserService(accounts.users, accounts.auditWitness, accounts.transactions, accounts.clock);
        deactivateUser = new DeactivateUserService(accounts.users, accounts.sessions, accounts.auditWitness,
                accounts.transactions, accounts.clock);
        reactivateUser = new ReactivateUserService(accounts.users, accounts.auditWitness, accounts.transactions,
                accounts.clock);
        listDeadMail = new ListDeadMailService(accounts.users, store.deadLetters(), accounts.auditWitness,
                accounts.transactions, accounts.clock);
        requeueMail = new RequeueMailService(accounts.users, store.deadLetters(), accounts.auditWitness,
                accounts.transactions, accounts.clock);
        admin = superuser("root_admin", "root@example.com");
    }

    /** A superuser made through the command-line use case, signed in from {@link #CLIENT}. */
    Authenticated superuser(String username, String email) {
        accounts.createSuperuser.createSuperuser(new RegisterUserCommand(username, email, Registrations.GOOD_PASSWORD));
        return accounts.signIn(username, CLIENT);
    }

    /** A registered user, signed in from {@link #CLIENT}. */
    Authenticated member(String username, String email) {
        accounts.register(username, email);
        return accounts.signIn(username, CLIENT);
    }

    /** Queues a message, claims it and gives up on it, as the delivery worker does after a 5xx: its id. */
    UUID deadMail(OutgoingMail mail) {
        accounts.outbox.enqueue(mail);
        List<QueuedMail> claimed = accounts.outbox.claimDue(accounts.clock.instant(), Duration.ofMinutes(1), 100);
        UUID id = claimed.stream().filter(queued -> queued.mail().equals(mail)).findFirst().orElseThrow().id();
        accounts.outbox.markDead(id, "SMTP 550 after RCPT TO: 5.1.1 no such user");
        return id;
    }

    static OutgoingMail notice(String recipient) {
        return new OutgoingMail(MailTemplate.PASSWORD_CHANGED_NOTICE, new EmailAddress(recipient),
                Map.of(MailTemplate.USERNAME, "someone"));
    }

    /** The audit events of one action, oldest first. */
    List<AuditEvent> audited(AuditAction action) {
        return accounts.audit.events(action);
    }

    UserId adminId() {
        return admin.userId();
    }
}
