package dev.accounts.faults.harness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One database the service instances of a scenario share, and the plain SQL the scenarios check it with. Each
 * query opens its own connection: the checks must not depend on a pool, and must work again after an outage.
 *
 * @param jdbcUrl  what {@code ACCOUNTS_DB_URL} is set to
 * @param username {@code ACCOUNTS_DB_USER}
 * @param password {@code ACCOUNTS_DB_PASSWORD}
 */
public record Database(String jdbcUrl, String username, String password) {

    /** The single number {@code sql} selects, such as a {@code count(*)}. */
    public long number(String sql, Object... parameters) {
        List<Map<String, Object>> rows = rows(sql, parameters);
        if (rows.size() != 1 || rows.getFirst().size() != 1) {
            throw new IllegalStateException("expected one value from: " + sql);
        }
        return ((Number) rows.getFirst().values().iterator().next()).longValue();
    }

    /** Every row {@code sql} selects, each as column label → value, in order. */
    public List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, username, password);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int column = 1; column <= columns; column++) {
                        row.put(result.getMetaData().getColumnLabel(column), result.getObject(column));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    /** The first column of every row, as text. */
    public List<String> strings(String sql, Object... parameters) {
        return rows(sql, parameters).stream().map(row -> String.valueOf(row.values().iterator().next())).toList();
    }
}
