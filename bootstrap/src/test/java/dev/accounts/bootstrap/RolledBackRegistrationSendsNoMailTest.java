package dev.accounts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariDataSource;
import dev.accounts.adapter.out.mail.MailSettings;
import dev.accounts.adapter.out.mail.MimeMailSender;
import dev.accounts.adapter.out.persistence.DatabaseMigrations;
import dev.accounts.adapter.out.persistence.EmbeddedPostgres;
import dev.accounts.adapter.out.persistence.JooqAuditTrail;
import dev.accounts.adapter.out.persistence.JooqContexts;
import dev.accounts.adapter.out.persistence.JooqEmailTokenStore;
import dev.accounts.adapter.out.persistence.JooqMailOutbox;
import dev.accounts.adapter.out.persistence.JooqProfileRepository;
import dev.accounts.adapter.out.persistence.JooqUserRepository;
import dev.accounts.adapter.out.persistence.PostgresDataSources;
import dev.accounts.adapter.out.persistence.SpringTransactions;
import dev.accounts.application.fixtures.FastPasswordHasher;
import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.application.port.out.MailOutbox;
import dev.accounts.application.service.LifecyclePolicy;
import dev.accounts.application.service.MailDeliveryService;
import dev.accounts.application.service.RegisterUserService;
import dev.accounts.application.service.RetryPolicy;
import dev.accounts.domain.user.PasswordPolicy;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The outbox row lives and dies with its transaction: a registration that fails after writing the user, their
 * verification token and the welcome mail leaves none of them, and the worker, talking to a real SMTP server, sends
 * nothing for it.
 */
class RolledBackRegistrationSendsNoMailTest {

    private static final int SMTP_PORT = RegistrationEndToEndTest.freePort();

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    @Test
    void aRolledBackRegistrationSendsNothingWhileACommittedOneIsDelivered() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.startTemporary();
             HikariDataSource pool = PostgresDataSources.create(postgres.jdbcUrl(), postgres.username(), postgres.password(), 4);
             MimeMailSender sender = new MimeMailSender(new MailSettings("127.0.0.1", SMTP_PORT, null, null,
                     MailSettings.Transport.PLAIN, "Accounts <no-reply@accounts.example.com>",
                     URI.create("https://accounts.example.com"), Duration.ofSeconds(5), Duration.ofSeconds(5)))) {
            DatabaseMigrations.migrate(pool);
            DSLContext dsl = JooqContexts.create(pool);
            JooqMailOutbox outbox = new JooqMailOutbox(dsl);
            RegisterUserCommand doomed = Registrations.valid();
            MailOutbox failingAfterEnqueue = mail -> {
                outbox.enqueue(mail);
                if (mail.recipient().value().equals(doomed.email())) {
                    throw new IllegalStateException("fails after the user and the mail were written");
                }
            };
            RegisterUserService registration = new RegisterUserService(new JooqUserRepository(dsl),
                    new JooqEmailTokenStore(dsl), failingAfterEnqueue,
                    new FastPasswordHasher(), PasswordPolicy.defaults(), LifecyclePolicy.DEFAULTS, new JooqAuditTrail(dsl),
                    new SpringTransactions(new DataSourceTransactionManager(pool)), Clock.systemUTC());
            MailDeliveryService delivery = new MailDeliveryService(outbox, sender, RetryPolicy.DEFAULT, Clock.systemUTC(),
                    Duration.ofMinutes(1), 10, new SplittableRandom());

            RegisterUserCommand kept = Registrations.valid();
            registration.register(kept);
            assertThatThrownBy(() -> registration.register(doomed)).isInstanceOf(IllegalStateException.class);

            assertThat(delivery.deliverDueMail().sent()).isEqualTo(1);
            assertThat(SMTP.getReceivedMessages()).singleElement()
                    .satisfies(message -> assertThat(message.getAllRecipients()[0].toString()).isEqualTo(kept.email()));
            assertThat(count(pool, "SELECT count(*) FROM users")).isEqualTo(1);
            assertThat(count(pool, "SELECT count(*) FROM mail_outbox")).isEqualTo(1);
            assertThat(count(pool, "SELECT count(*) FROM email_tokens")).isEqualTo(1);
        }
    }

    private static long count(HikariDataSource pool, String sql) throws Exception {
        try (Connection connection = pool.getConnection(); ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

}
