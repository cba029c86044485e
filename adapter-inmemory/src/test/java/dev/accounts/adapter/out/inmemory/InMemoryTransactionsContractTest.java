package dev.accounts.adapter.out.inmemory;

import dev.accounts.application.contracts.TransactionsContract;
import dev.accounts.application.fixtures.EmailTokens;
import dev.accounts.application.fixtures.Sessions;
import dev.accounts.application.fixtures.Users;
import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.application.port.out.ThrottleKey;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.audit.AuditOutcome;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.Profile;
import dev.accounts.domain.user.TokenPurpose;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each write goes through every store of the adapter (a user, their profile, a session, a mailed token, a queued
 * mail, an audit entry and a throttle count), so a rollback or an early glimpse that missed any of them shows.
 */
class InMemoryTransactionsContractTest extends TransactionsContract {

    private static final Instant NOW = Instant.parse("2026-06-01T08:00:00.123456Z");

    private final InMemoryStore store = new InMemoryStore();
    /** The id of the user written under each name; read from other threads too. */
    private final Map<String, UserId> users = new ConcurrentHashMap<>();

    @Override
    protected Transactions transactions() {
        return store.transactions();
    }

    @Override
    protected void write(String name) {
        User user = Users.registered(name, address(name).value());
        users.put(name, user.id());
        store.users().add(user);
        store.profiles().save(user.id(), new Profile(name, null));
        store.sessions().add(Sessions.startedAt(user.id(), NOW).session());
        store.tokens().issue(EmailTokens.forUser(user, TokenPurpose.EMAIL_VERIFICATION, NOW).stored());
        store.outbox().enqueue(OutgoingMail.accountExistsNotice(address(name)));
        store.audit().record(new AuditEvent(NOW, AuditAction.REGISTRATION, user.id(), name, AuditOutcome.SUCCESS));
        store.throttle().recordFailure(ThrottleKey.client(name), NOW);
    }

    /** Each store asked on its own: any one of them showing the write counts. */
    @Override
    protected boolean isStored(String name) {
        UserId id = users.get(name);
        return id != null && (store.users().findById(id).isPresent()
                || store.profiles().saved(id).isPresent()
                || !store.sessions().of(id).isEmpty()
                || !store.tokens().unused(id, TokenPurpose.EMAIL_VERIFICATION).isEmpty()
                || store.outbox().countQueuedSince(address(name), Set.of(MailTemplate.ACCOUNT_EXISTS_NOTICE), Instant.EPOCH) > 0
                || store.audit().events().stream().anyMatch(event -> id.equals(event.userId()))
                || store.throttle().failures(ThrottleKey.client(name)) > 0);
    }

    private static EmailAddress address(String name) {
        return new EmailAddress(name + "@example.org");
    }
}
