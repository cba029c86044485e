package dev.accounts.adapter.out.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Inserts that a transaction does not read back, held until the transaction's next statement or the end of its work
 * and then sent to PostgreSQL together, in one round trip. A registration inserts its user, verification token, welcome mail
 * and audit row and reads none of them: four round trips, each a message, a wake-up and a reply for PostgreSQL and
 * for the service, become one. Outside a transaction an insert runs at once.
 *
 * <p>What this changes for a caller: a held insert that fails (a unique index, a foreign key) fails when the held
 * inserts are sent, at the transaction's next statement or at the end of its work, as the same exception it would have thrown
 * at once; the transaction rolls back either way, so nothing of it is written.
 *
 * <p>One per {@link SpringConnections}, that is per pool: the held inserts are a resource of the current Spring
 * transaction, bound under this object, and go out on the transaction's connection.
 */
final class HeldInserts {

    private final DataSource dataSource;

    HeldInserts(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    private record Held(RenderedQuery insert, Object[] values, UnaryOperator<RuntimeException> translation) {
    }

    /**
     * Holds the insert when a transaction is running, and then returns true; false otherwise, and the caller runs it.
     *
     * @param translation what a failure of this insert becomes (the failure itself when it is not this insert's)
     */
    boolean hold(RenderedQuery insert, Object[] values, UnaryOperator<RuntimeException> translation) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return false;
        }
        @SuppressWarnings("unchecked")
        List<Held> held = (List<Held>) TransactionSynchronizationManager.getResource(this);
        if (held == null) {
            held = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, held);
            TransactionSynchronizationManager.registerSynchronization(new SentAtCommit());
        }
        held.add(new Held(insert, values.clone(), translation));
        return true;
    }

    /**
     * Sends the inserts every pool holds for the current transaction. {@link SpringTransactions} calls it at the end
     * of the work, so that a failure of a held insert is a failure of the work: Spring then rolls back as for any
     * other, and a connection lost on the way is reported as such. (Were they first sent before the commit, a lost
     * connection would fail the rollback too, and Spring would report the rollback's failure instead.)
     *
     * <p>With {@code commitWithThem}, which the caller gives only when the work ends a transaction of its own that is
     * not marked for rollback, the commit goes in the same round trip, after the inserts: when one pool holds
     * inserts, and no synchronization has anything to do before the commit. The driver then knows the transaction
     * has ended, and Spring's commit sends nothing. A registration saves its third round trip this way.
     */
    static void sendAllHeld(boolean commitWithThem) {
        List<HeldInserts> holding = new ArrayList<>(1);
        for (Object key : TransactionSynchronizationManager.getResourceMap().keySet()) {
            if (key instanceof HeldInserts held && held.holdsAny()) {
                holding.add(held);
            }
        }
        boolean commit = commitWithThem && holding.size() == 1 && NothingBeforeCommit.inCurrentTransaction();
        for (HeldInserts held : holding) {
            held.sendOnTransactionConnection(commit);
        }
    }

    private boolean holdsAny() {
        List<?> held = (List<?>) TransactionSynchronizationManager.getResource(this);
        return held != null && !held.isEmpty();
    }

    private void sendOnTransactionConnection(boolean commit) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            send(connection, commit);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Sends what the current transaction holds, if anything, on its connection: before any other statement runs. */
    void send(Connection connection) {
        send(connection, false);
    }

    private void send(Connection connection, boolean commit) {
        @SuppressWarnings("unchecked")
        List<Held> held = (List<Held>) TransactionSynchronizationManager.getResource(this);
        if (held == null || held.isEmpty()) {
            return;
        }
        List<Held> batch = List.copyOf(held);
        held.clear();
        String sql = batch.stream().map(h -> h.insert().sql()).collect(Collectors.joining(";\n"))
                + (commit ? ";\nCOMMIT" : "");
        // One PreparedStatement of several statements: the driver sends them with one Sync, so PostgreSQL answers all
        // of them, or stops at the first that fails, in one round trip.
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            for (Held h : batch) {
                index = RenderedQuery.bind(statement, index, h.values());
            }
            statement.execute();
        } catch (SQLException e) {
            throw failure(batch, RenderedQuery.failed(sql, e));
        }
    }

    /** The failing insert's own translation of the failure; each leaves a failure that is not its own as it is. */
    private static RuntimeException failure(List<Held> batch, RuntimeException failure) {
        RuntimeException translated = StoreFailures.translate(failure);
        for (Held h : batch) {
            RuntimeException own = h.translation().apply(translated);
            if (own != translated) {
                return own;
            }
        }
        return translated;
    }

    /**
     * Sends what is still held before the commit (a transaction begun other than through {@link SpringTransactions}),
     * and forgets the held inserts when the transaction ends, however it ends.
     */
    private final class SentAtCommit implements TransactionSynchronization {

        @Override
        public void beforeCommit(boolean readOnly) {
            sendOnTransactionConnection(false);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(HeldInserts.this);
        }
    }

    /**
     * Whether every synchronization of the current transaction leaves {@code beforeCommit} and
     * {@code beforeCompletion} as they are (or is this class's own, which by then has nothing left to send): with the
     * commit sent early, those would run after it. Answered once per class.
     */
    private static final class NothingBeforeCommit extends ClassValue<Boolean> {

        private static final NothingBeforeCommit PER_CLASS = new NothingBeforeCommit();

        static boolean inCurrentTransaction() {
            for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
                if (!PER_CLASS.get(synchronization.getClass())) {
                    return false;
                }
            }
            return true;
        }

        @Override
        protected Boolean computeValue(Class<?> type) {
            if (type == SentAtCommit.class) {
                return true;
            }
            try {
                return type.getMethod("beforeCommit", boolean.class).getDeclaringClass() == TransactionSynchronization.class
                        && type.getMethod("beforeCompletion").getDeclaringClass() == TransactionSynchronization.class;
            } catch (NoSuchMethodException e) {
                return false;
            }
        }
    }
}
