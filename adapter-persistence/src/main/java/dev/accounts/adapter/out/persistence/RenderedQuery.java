package dev.accounts.adapter.out.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.ParamType;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * A statement written with jOOQ's typed DSL, rendered to SQL once and then run with fresh bind values (a select's rows
 * typed by the same fields). For the statements of the busiest requests (the session behind a bearer token with its
 * user and profile, a user by name, the audit row): for a small statement jOOQ spends most of its time rendering it —
 * in the benchmark, a quarter of the CPU of a whole {@code GET /api/users/me} — and the SQL of such a statement never
 * changes. The statement goes to JDBC as it is: jOOQ's plain-SQL path would scan the text for placeholders on every
 * run, which costs about as much as rendering. So bind values must be types the PostgreSQL driver binds itself (String, UUID,
 * OffsetDateTime, Boolean, numbers, null); no jOOQ converter runs on them. Thread-safe.
 */
final class RenderedQuery {

    private final String sql;
    private final Field<?>[] fields;

    private RenderedQuery(String sql, Field<?>[] fields) {
        this.sql = sql;
        this.fields = fields;
    }

    /**
     * @param statement built against the {@code DSLContext} it is given (one without a connection), with a
     *                  {@code DSL.param(name, type)} for each value that changes between runs, in the order they are
     *                  bound
     */
    static RenderedQuery of(Function<DSLContext, ? extends Query> statement) {
        Query query = statement.apply(DSL.using(SQLDialect.POSTGRES));
        Field<?>[] fields = query instanceof ResultQuery<?> select ? select.fields() : new Field<?>[0];
        return new RenderedQuery(query.getSQL(ParamType.INDEXED), fields);
    }

    /**
     * An insert of one row into these columns of {@code table}, each value bound in the order of the columns, as the
     * column's type (a {@code jsonb} column takes its JSON text).
     */
    static RenderedQuery insertInto(Table<?> table, Field<?>... columns) {
        Field<?>[] values = Arrays.stream(columns).map(column -> DSL.param(column.getName(), column.getDataType()))
                .toArray(Field<?>[]::new);
        return of(sql -> sql.insertInto(table).columns(columns).values(values));
    }

    /** The first row for these bind values, typed as the rendered select's fields; empty when there is none. */
    Optional<Record> fetchOptional(DSLContext dsl, Object... bindValues) {
        return query(dsl, bindValues, rows -> dsl.fetchOptional(rows, fields));
    }

    /** Every row for these bind values (of a select, or of an update's {@code RETURNING}), typed as its fields. */
    List<Record> fetch(DSLContext dsl, Object... bindValues) {
        return query(dsl, bindValues, rows -> dsl.fetch(rows, fields));
    }

    /** Runs the statement as a query and reads its rows while they are open. */
    private <T> T query(DSLContext dsl, Object[] bindValues, Function<ResultSet, T> read) {
        return StoreFailures.translated(() -> dsl.connectionResult(connection -> {
            try (PreparedStatement statement = prepared(connection, bindValues);
                 ResultSet rows = statement.executeQuery()) {
                return read.apply(rows);
            } catch (SQLException e) {
                throw failed(sql, e);
            }
        }));
    }

    /**
     * Runs an insert whose row the transaction does not read back: held until the transaction's next statement or its
     * commit when there is a transaction ({@link HeldInserts}), at once otherwise. Either way a failure comes out as
     * {@code translation} makes it.
     */
    void insertHeld(DSLContext dsl, UnaryOperator<RuntimeException> translation, Object... bindValues) {
        if (dsl.configuration().connectionProvider() instanceof SpringConnections connections
                && connections.held().hold(this, bindValues, translation)) {
            return;
        }
        try {
            execute(dsl, bindValues);
        } catch (RuntimeException e) {
            throw translation.apply(e);
        }
    }

    /** Runs an insert, update or delete with these bind values; how many rows it changed. */
    int execute(DSLContext dsl, Object... bindValues) {
        return StoreFailures.translated(() -> dsl.connectionResult(connection -> {
            try (PreparedStatement statement = prepared(connection, bindValues)) {
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw failed(sql, e);
            }
        }));
    }

    /**
     * Worded as jOOQ words a failed statement: the SQL, then the driver's message, which names the constraint a write
     * broke (the driver is told to leave the row's values out of it). jOOQ itself would only say that a
     * {@code ConnectionCallable} failed.
     */
    static DataAccessException failed(String sql, SQLException e) {
        return new DataAccessException("SQL [" + sql + "]; " + e.getMessage(), e);
    }

    String sql() {
        return sql;
    }

    private PreparedStatement prepared(Connection connection, Object[] bindValues) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            bind(statement, 1, bindValues);
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** Binds {@code values} to the placeholders from {@code first} on; the index after the last one bound. */
    static int bind(PreparedStatement statement, int first, Object[] values) throws SQLException {
        int index = first;
        for (Object value : values) {
            statement.setObject(index++, value);
        }
        return index;
    }

    /**
     * The columns of {@code table} in a joined row, taken by position from {@code offset}: two joined tables share
     * column names ({@code created_at}), which a look-up by name would confuse.
     */
    static <R extends Record> R columnsOf(Record row, Table<R> table, int offset) {
        R columns = table.newRecord();
        columns.fromArray(Arrays.copyOfRange(row.intoArray(), offset, offset + table.fields().length));
        return columns;
    }
}
