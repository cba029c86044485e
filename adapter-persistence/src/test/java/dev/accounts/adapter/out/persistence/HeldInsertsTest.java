package dev.accounts.adapter.out.persistence;

import static dev.accounts.adapter.out.persistence.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.application.fixtures.Users;
import dev.accounts.domain.user.DuplicateUserException;
import dev.accounts.domain.user.User;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Inserts held until the transaction's next statement or its commit ({@link HeldInserts}): the transaction's own
 * statements see them, a failure among them fails the transaction as the insert would have failed at once, and a
 * rollback leaves nothing to send later.
 */
@ExtendWith(SharedDatabase.class)
class HeldInsertsTest {

    private final DSLContext dsl;
    private final SpringTransactions transactions;
    private final JooqUserRepository users;
    private final DataSource dataSource;
    private final TestDatabase database;

    HeldInsertsTest(TestDatabase database) {
        this.database = database;
        this.dsl = database.dsl();
        this.transactions = database.transactions();
        this.users = new JooqUserRepository(dsl);
        this.dataSource = database.dataSource();
    }

    @BeforeEach
    void startEmpty() {
        database.clear();
    }

    @Test
    void holdsAnInsertUntilTheTransactionsNextStatementWhichSeesIt() {
        User user = Users.registered("hana", "hana@example.org");

        transactions.inTransaction(() -> {
            users.add(user);
            assertThat(usersOnTheTransactionsConnectionBehindJooqsBack()).as("held, not yet sent").isZero();
            assertThat(users.findById(user.id())).as("sent before the read").isPresent();
            assertThat(usersOnTheTransactionsConnectionBehindJooqsBack()).isEqualTo(1);
        });

        assertThat(dsl.fetchCount(USERS)).isEqualTo(1);
    }

    @Test
    void sendsWhatIsHeldAtCommitAllTogether() {
        transactions.inTransaction(() -> {
            users.add(Users.registered("ines", "ines@example.org"));
            users.add(Users.registered("jon", "jon@example.org"));
            users.add(Users.registered("kai", "kai@example.org"));
        });

        assertThat(dsl.fetchCount(USERS)).isEqualTo(3);
    }

    @Test
    void sendsTheCommitWithTheInsertsWhenNothingRunsBeforeIt() {
        CommitRecordingManager manager = new CommitRecordingManager(dataSource);
        List<String> afterCommit = new ArrayList<>();

        new SpringTransactions(manager).inTransaction(() -> {
            users.add(Users.registered("ada", "ada@example.org"));
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    afterCommit.add("ran");
                }
            });
        });

        assertThat(manager.stateWhenSpringCommitted).as("the driver saw the commit go out with the inserts")
                .isEqualTo(TransactionState.IDLE);
        assertThat(afterCommit).containsExactly("ran");
        assertThat(dsl.fetchCount(USERS)).isEqualTo(1);
    }

    @Test
    void leavesTheCommitToSpringWhenASynchronizationRunsBeforeIt() {
        CommitRecordingManager manager = new CommitRecordingManager(dataSource);
        List<Integer> usersSeenBeforeCommit = new ArrayList<>();

        new SpringTransactions(manager).inTransaction(() -> {
            users.add(Users.registered("bob", "bob@example.org"));
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    usersSeenBeforeCommit.add(usersOnTheTransactionsConnectionBehindJooqsBack());
                }
            });
        });

        assertThat(manager.stateWhenSpringCommitted).isEqualTo(TransactionState.OPEN);
        assertThat(usersSeenBeforeCommit).containsExactly(1);
        assertThat(dsl.fetchCount(USERS)).isEqualTo(1);
    }

    @Test
    void leavesTheCommitOfAnOuterTransactionToItsOwner() {
        CommitRecordingManager manager = new CommitRecordingManager(dataSource);
        SpringTransactions outer = new SpringTransactions(manager);

        outer.inTransaction(() -> {
            outer.inTransaction(() -> users.add(Users.registered("cyd", "cyd@example.org")));
            assertThat(usersOnTheTransactionsConnectionBehindJooqsBack()).as("sent, not committed").isEqualTo(1);
            users.add(Users.registered("cyd2", "cyd2@example.org"));
        });

        assertThat(manager.stateWhenSpringCommitted).isEqualTo(TransactionState.IDLE);
        assertThat(dsl.fetchCount(USERS)).isEqualTo(2);
    }

    @Test
    void failsTheCommitAsTheFailingInsertWouldHaveFailedAndWritesNothing() {
        users.add(Users.registered("lea", "lea@example.org"));

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            users.add(Users.registered("max", "max@example.org"));
            users.add(Users.registered("LEA", "other@example.org"));
        })).isInstanceOfSatisfying(DuplicateUserException.class,
                duplicate -> assertThat(duplicate.attribute()).isEqualTo(DuplicateUserException.Attribute.USERNAME));

        assertThat(dsl.fetchCount(USERS)).isEqualTo(1);
    }

    @Test
    void leavesNothingHeldAfterARollback() {
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            users.add(Users.registered("nia", "nia@example.org"));
            throw new IllegalStateException("the work fails");
        })).isInstanceOf(IllegalStateException.class);

        transactions.inTransaction(() -> users.add(Users.registered("oto", "oto@example.org")));

        assertThat(dsl.fetch(USERS).getValues(USERS.USERNAME)).containsExactly("oto");
    }

    @Test
    void insertsAtOnceOutsideATransaction() {
        users.add(Users.registered("pia", "pia@example.org"));

        assertThat(dsl.fetchCount(USERS)).isEqualTo(1);
        assertThatThrownBy(() -> users.add(Users.registered("Pia", "pia2@example.org")))
                .isInstanceOf(DuplicateUserException.class);
    }

    /** Notes whether the driver still saw the transaction open when Spring came to commit it. */
    private static final class CommitRecordingManager extends DataSourceTransactionManager {

        private TransactionState stateWhenSpringCommitted;

        CommitRecordingManager(DataSource dataSource) {
            super(dataSource);
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            ConnectionHolder holder = (ConnectionHolder) TransactionSynchronizationManager.getResource(obtainDataSource());
            try {
                stateWhenSpringCommitted = holder.getConnection().unwrap(BaseConnection.class).getTransactionState();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            super.doCommit(status);
        }
    }

    /** Counts on the transaction's own connection without going through jOOQ, which would send the held inserts. */
    private int usersOnTheTransactionsConnectionBehindJooqsBack() {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM users")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
