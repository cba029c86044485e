package dev.accounts.bootstrap;

import dev.accounts.adapter.out.inmemory.InMemoryLoginThrottle;
import dev.accounts.adapter.out.inmemory.InMemoryMailOutbox;
import dev.accounts.adapter.out.inmemory.InMemoryStore;
import dev.accounts.application.port.out.AuditTrail;
import dev.accounts.application.port.out.DeadLetters;
import dev.accounts.application.port.out.EmailTokenStore;
import dev.accounts.application.port.out.MailQueueStatistics;
import dev.accounts.application.port.out.ProfileRepository;
import dev.accounts.application.port.out.SessionStore;
import dev.accounts.application.port.out.StoreHealth;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.application.port.out.UserDirectory;
import dev.accounts.application.port.out.UserRepository;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code ACCOUNTS_STORE=memory}: the in-memory adapter behind the same ports, under the same bean names and types as
 * {@link PersistenceConfiguration}, so nothing else in the composition root knows which store runs. No database is
 * started or connected; nothing is kept after the process ends.
 *
 * <p>No Spring transaction is ever active here, so {@link WakeWorkerAfterCommit} wakes the mail worker as soon as a use
 * case queues mail; the worker's claim then waits for the unit of work to end (the in-memory store runs one unit at a
 * time), so it still finds the mail right after the commit.
 */
@Configuration(proxyBeanMethods = false)
class InMemoryStoreConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryStoreConfiguration.class);

    @Bean
    InMemoryStore inMemoryStore(Clock clock) {
        LOG.warn("Accounts are kept in memory only (ACCOUNTS_STORE=memory): every account, session and queued mail "
                + "is lost when the service stops");
        return new InMemoryStore(clock);
    }

    @Bean
    Transactions transactions(InMemoryStore store) {
        return store.transactions();
    }

    @Bean
    UserRepository userRepository(InMemoryStore store) {
        return store.users();
    }

    /** The admin API's user search. */
    @Bean
    UserDirectory userDirectory(InMemoryStore store) {
        return store.userDirectory();
    }

    /** The admin API's view of the outbox's dead messages. */
    @Bean
    DeadLetters deadLetters(InMemoryStore store) {
        return store.deadLetters();
    }

    @Bean
    ProfileRepository profileRepository(InMemoryStore store) {
        return store.profiles();
    }

    @Bean
    SessionStore sessionStore(InMemoryStore store) {
        return store.sessions();
    }

    @Bean
    EmailTokenStore emailTokenStore(InMemoryStore store) {
        return store.tokens();
    }

    /** One outbox for three ports: what use cases queue, what the worker claims, and what rate limits count. */
    @Bean
    InMemoryMailOutbox mailOutbox(InMemoryStore store) {
        return store.outbox();
    }

    @Bean
    InMemoryLoginThrottle loginThrottle(InMemoryStore store) {
        return store.throttle();
    }

    /** Every client address that ever failed a login keeps an entry until swept, as in PostgreSQL. */
    @Bean(initMethod = "start", destroyMethod = "close")
    ThrottleHousekeeping throttleHousekeeping(InMemoryLoginThrottle loginThrottle, Clock clock) {
        return new ThrottleHousekeeping(loginThrottle::deleteStale, clock);
    }

    @Bean
    AuditTrail auditTrail(InMemoryStore store) {
        return store.audit();
    }

    @Bean
    StoreHealth storeHealth(InMemoryStore store) {
        return store.health();
    }

    /** Read by the outbox gauges of {@code /metrics}. */
    @Bean
    MailQueueStatistics mailQueueStatistics(InMemoryStore store) {
        return store.mailQueueStatistics();
    }
}
