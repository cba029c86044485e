package dev.accounts.adapter.out.persistence;

import static dev.accounts.adapter.out.persistence.jooq.Tables.MAIL_OUTBOX;
import static dev.accounts.adapter.out.persistence.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.application.fixtures.Users;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.application.port.out.StoreUnavailableException;
import dev.accounts.domain.user.SecretToken;
import dev.accounts.domain.user.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedDatabase.class)
class SpringTransactionsTest {

    private final DSLContext dsl;
    private final SpringTransactions transactions;
    private final JooqUserRepository users;
    private final JooqMailOutbox outbox;
    private final DataSource dataSource;

    SpringTransactionsTest(TestDatabase database) {
        this.dsl = database.dsl();
        this.transactions = database.transactions();
        this.users = new JooqUserRepository(dsl);
        this.outbox = new JooqMailOutbox(dsl);
        this.dataSource = database.dataSource();
    }

    @Test
    void storesTheUserAndItsMailTogether() {
        User user = Users.registered("grace", "grace@example.org");

        transactions.inTransaction(() -> {
            users.add(user);
            outbox.enqueue(OutgoingMail.welcome(user, SecretToken.generate()));
        });

        assertThat(dsl.fetchCount(USERS)).isOne();
        assertThat(dsl.fetchCount(MAIL_OUTBOX)).isOne();
    }

    @Test
    void keepsNeitherTheUserNorItsMailWhenTheWorkFailsAfterwards() {
        User user = Users.registered("heidi", "heidi@example.org");
        IllegalStateException failure = new IllegalStateException("boom");

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            users.add(user);
            outbox.enqueue(OutgoingMail.welcome(user, SecretToken.generate()));
            throw failure;
        })).isSameAs(failure);

        assertThat(users.findById(user.id())).isEmpty();
        assertThat(dsl.fetchCount(MAIL_OUTBOX)).isZero();
    }

    @Test
    void reportsAConnectionLostDuringTheWorkAsStoreUnavailable() {
        User user = Users.registered("ivy", "ivy@example.org");

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            users.add(user);
            terminateBackend(dsl.fetchValue(DSL.field("pg_backend_pid()", Integer.class)));
            return users.findById(user.id());
        })).isInstanceOf(StoreUnavailableException.class);

        assertThat(users.findById(user.id())).isEmpty();
    }

    @Test
    void returnsWhatTheWorkReturns() {
        assertThat(transactions.inTransaction(() -> dsl.fetchValue("SELECT 42"))).isEqualTo(42);
    }

    /** Ends a server session from outside, as a server restart or a network cut would. */
    private void terminateBackend(int pid) {
        try (Connection other = dataSource.getConnection();
             PreparedStatement terminate = other.prepareStatement("SELECT pg_terminate_backend(?)")) {
            terminate.setInt(1, pid);
            terminate.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
