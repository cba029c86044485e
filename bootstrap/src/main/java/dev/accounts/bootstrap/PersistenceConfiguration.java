package dev.accounts.bootstrap;

import dev.accounts.adapter.out.persistence.CachingSessionStore;
import dev.accounts.adapter.out.persistence.JdbcStoreHealth;
import dev.accounts.adapter.out.persistence.JooqAuditTrail;
import dev.accounts.adapter.out.persistence.JooqLoginThrottle;
import dev.accounts.adapter.out.persistence.JooqEmailTokenStore;
import dev.accounts.adapter.out.persistence.JooqProfileRepository;
import dev.accounts.adapter.out.persistence.JooqSessionStore;
import dev.accounts.adapter.out.persistence.JooqContexts;
import dev.accounts.adapter.out.persistence.JooqDeadLetters;
import dev.accounts.adapter.out.persistence.JooqMailOutbox;
import dev.accounts.adapter.out.persistence.JooqMailQueueStatistics;
import dev.accounts.adapter.out.persistence.JooqUserDirectory;
import dev.accounts.adapter.out.persistence.JooqUserRepository;
import dev.accounts.adapter.out.persistence.SessionChangeFeed;
import dev.accounts.adapter.out.persistence.SpringTransactions;
import dev.accounts.application.port.out.AuditTrail;
import dev.accounts.application.port.out.DeadLetters;
import dev.accounts.application.port.out.EmailTokenStore;
import dev.accounts.application.port.out.MailQueueStatistics;
import dev.accounts.application.port.out.ProfileRepository;
import dev.accounts.application.port.out.StoreHealth;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.application.port.out.UserDirectory;
import dev.accounts.application.port.out.UserRepository;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/** PostgreSQL: the pool, transactions, and the persistence adapters behind their ports. */
@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

    @Bean(destroyMethod = "close")
    Database database(AccountsSettings settings) {
        return Database.open(settings.database());
    }

    // The pool is closed by Database, after everything that uses it.
    @Bean(destroyMethod = "")
    DataSource dataSource(Database database) {
        return database.dataSource();
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    Transactions transactions(PlatformTransactionManager transactionManager) {
        return new SpringTransactions(transactionManager);
    }

    @Bean
    DSLContext dslContext(DataSource dataSource) {
        return JooqContexts.create(dataSource);
    }

    /** Told by the user and profile repositories of each user they change, to drop them once the change commits. */
    @Bean
    UserRepository userRepository(DSLContext dsl, CachingSessionStore sessionStore) {
        return new JooqUserRepository(dsl, sessionStore);
    }

    /** The admin API's user search. */
    @Bean
    UserDirectory userDirectory(DSLContext dsl) {
        return new JooqUserDirectory(dsl);
    }

    /** The admin API's view of the outbox's dead messages. */
    @Bean
    DeadLetters deadLetters(DSLContext dsl) {
        return new JooqDeadLetters(dsl);
    }

    @Bean
    ProfileRepository profileRepository(DSLContext dsl, CachingSessionStore sessionStore) {
        return new JooqProfileRepository(dsl, sessionStore);
    }

    /** Without its feed (ACCOUNTS_SESSION_CACHE=false) the cache never hears, so it keeps nothing and reads through. */
    @Bean
    CachingSessionStore sessionStore(DSLContext dsl) {
        return new CachingSessionStore(new JooqSessionStore(dsl));
    }

    @Bean(destroyMethod = "close")
    SessionChangeFeed sessionChangeFeed(Database database, CachingSessionStore sessionStore, AccountsSettings settings) {
        SessionChangeFeed feed = new SessionChangeFeed(database.unpooled(), sessionStore);
        if (settings.database().sessionCache()) {
            feed.start();
        }
        return feed;
    }

    @Bean
    EmailTokenStore emailTokenStore(DSLContext dsl) {
        return new JooqEmailTokenStore(dsl);
    }

    /** One outbox for three ports: what use cases queue, what the worker claims, and what rate limits count. */
    @Bean
    JooqMailOutbox mailOutbox(DSLContext dsl, Clock clock) {
        return new JooqMailOutbox(dsl, clock);
    }

    @Bean
    JooqLoginThrottle loginThrottle(DSLContext dsl) {
        return new JooqLoginThrottle(dsl);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    ThrottleHousekeeping throttleHousekeeping(JooqLoginThrottle loginThrottle, Clock clock) {
        return new ThrottleHousekeeping(loginThrottle::deleteStale, clock);
    }

    @Bean
    AuditTrail auditTrail(DSLContext dsl) {
        return new JooqAuditTrail(dsl);
    }

    @Bean
    StoreHealth storeHealth(DataSource dataSource) {
        return new JdbcStoreHealth(dataSource, Duration.ofSeconds(2));
    }

    /** Read by the outbox gauges of {@code /metrics}. */
    @Bean
    MailQueueStatistics mailQueueStatistics(DSLContext dsl) {
        return new JooqMailQueueStatistics(dsl);
    }
}
