package dev.accounts.adapter.out.inmemory;

import java.time.Clock;
import java.util.Objects;

/**
 * Every in-memory store, built over one {@link InMemoryTransactions} (so a unit of work spans all of them) and one
 * clock (the outbox dates mail by it, the throttle its entries): what a composition root or a test wires in one line.
 * Nothing outlives the process.
 */
public final class InMemoryStore {

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryUserRepository users = new InMemoryUserRepository(transactions);
    private final InMemoryUserDirectory userDirectory = new InMemoryUserDirectory(users);
    private final InMemoryProfileRepository profiles = new InMemoryProfileRepository(transactions);
    private final InMemorySessionStore sessions = new InMemorySessionStore(transactions, users, profiles);
    private final InMemoryEmailTokenStore tokens = new InMemoryEmailTokenStore(transactions);
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail(transactions);
    private final InMemoryStoreHealth health = new InMemoryStoreHealth();
    private final InMemoryMailOutbox outbox;
    private final InMemoryLoginThrottle throttle;
    private final InMemoryMailQueueStatistics mailQueueStatistics;
    private final InMemoryDeadLetters deadLetters;

    /** Stores whose outbox and throttle tell time by the system clock (UTC). */
    public InMemoryStore() {
        this(Clock.systemUTC());
    }

    /** Stores whose outbox and throttle tell time by {@code clock}, the clock the use cases and the mail worker use. */
    public InMemoryStore(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        this.outbox = new InMemoryMailOutbox(transactions, clock);
        this.throttle = new InMemoryLoginThrottle(transactions, clock);
        this.mailQueueStatistics = new InMemoryMailQueueStatistics(outbox);
        this.deadLetters = new InMemoryDeadLetters(outbox);
    }

    public InMemoryTransactions transactions() {
        return transactions;
    }

    public InMemoryUserRepository users() {
        return users;
    }

    /** The admin search over {@link #users()}. */
    public InMemoryUserDirectory userDirectory() {
        return userDirectory;
    }

    public InMemoryProfileRepository profiles() {
        return profiles;
    }

    public InMemorySessionStore sessions() {
        return sessions;
    }

    public InMemoryEmailTokenStore tokens() {
        return tokens;
    }

    /** The outbox on its three sides: {@code MailOutbox}, {@code MailDeliveryQueue} and {@code RecentMail}. */
    public InMemoryMailOutbox outbox() {
        return outbox;
    }

    /** How the outbox stands, for monitoring. */
    public InMemoryMailQueueStatistics mailQueueStatistics() {
        return mailQueueStatistics;
    }

    /** The outbox's dead messages, for the admin API. */
    public InMemoryDeadLetters deadLetters() {
        return deadLetters;
    }

    public InMemoryLoginThrottle throttle() {
        return throttle;
    }

    public InMemoryAuditTrail audit() {
        return audit;
    }

    public InMemoryStoreHealth health() {
        return health;
    }
}
