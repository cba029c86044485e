package dev.accounts.faults.harness;

import dev.accounts.adapter.out.persistence.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server the scenarios share: the embedded launcher the service itself uses, started once per test
 * JVM. Each scenario gets a database of its own on it, so its counts are its own.
 */
public final class Postgres implements AutoCloseable {

    private final EmbeddedPostgres server;

    private Postgres(EmbeddedPostgres server) {
        this.server = server;
    }

    static Postgres startTemporary() {
        return new Postgres(EmbeddedPostgres.startTemporary());
    }

    /** A new, empty database; the service instances pointed at it create the schema (Flyway) when they start. */
    public Database createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,40}")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database " + name + ": " + e.getMessage(), e);
        }
        String url = server.jdbcUrl().substring(0, server.jdbcUrl().lastIndexOf('/') + 1) + name;
        return new Database(url, server.username(), server.password());
    }

    @Override
    public void close() {
        server.close();
    }
}
