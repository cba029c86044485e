package dev.accounts.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.application.fixtures.Users;
import dev.accounts.application.port.out.StoreUnavailableException;
import dev.accounts.domain.user.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the port's contract ({@link SpringTransactionsContractTest}) cannot see: a connection lost mid-work. */
@ExtendWith(SharedDatabase.class)
class SpringTransactionsTest {

    private final DSLContext dsl;
    private final SpringTransactions transactions;
    private final JooqUserRepository users;
    private final DataSource dataSource;

    SpringTransactionsTest(TestDatabase database) {
        this.dsl = database.dsl();
        this.transactions = database.transactions();
        this.users = new JooqUserRepository(dsl);
        this.dataSource = database.dataSource();
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
    void reportsAConnectionLostBeforeTheHeldInsertsWentOutAsStoreUnavailable() {
        User user = Users.registered("jade", "jade@example.org");

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            int backend = dsl.fetchValue(DSL.field("pg_backend_pid()", Integer.class));
            users.add(user);
            terminateBackend(backend);
        })).isInstanceOf(StoreUnavailableException.class);

        assertThat(users.findById(user.id())).isEmpty();
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
