package dev.accounts.adapter.out.persistence;

import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.TransactionContext;
import org.jooq.TransactionProvider;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;

/** jOOQ's entry point, bound to Spring's transactions (as in jOOQ's jOOQ-spring-example). */
public final class JooqContexts {

    private JooqContexts() {
    }

    /**
     * A {@link DSLContext} whose statements run on the connection of the current Spring transaction, if any
     * (see {@link SpringTransactions}), and on a pooled connection of their own otherwise.
     */
    public static DSLContext create(DataSource dataSource) {
        // jOOQ's debug log prints statements with their values inlined, password hashes included.
        Settings settings = new Settings().withExecuteLogging(false);
        return DSL.using(new DefaultConfiguration()
                .set(new SpringConnections(dataSource))
                .set(SQLDialect.POSTGRES)
                .set(settings)
                .set(new SpringOwnsTransactions()));
    }

    /**
     * Transactions are Spring's ({@link SpringTransactions}); jOOQ's own are not used. Without a provider of its own
     * a configuration makes a new {@code DefaultTransactionProvider} (and a set for its properties) each time a
     * statement asks it for its connection provider, at least once for every statement.
     */
    private static final class SpringOwnsTransactions implements TransactionProvider {

        @Override
        public void begin(TransactionContext context) {
            throw notHere();
        }

        @Override
        public void commit(TransactionContext context) {
            throw notHere();
        }

        @Override
        public void rollback(TransactionContext context) {
            throw notHere();
        }

        private static UnsupportedOperationException notHere() {
            return new UnsupportedOperationException("transactions run through SpringTransactions, not jOOQ");
        }
    }
}
