package dev.accounts.adapter.out.persistence;

import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

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
        return DSL.using(new SpringConnections(dataSource), SQLDialect.POSTGRES, settings);
    }
}
