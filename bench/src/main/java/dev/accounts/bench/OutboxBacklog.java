package dev.accounts.bench;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/**
 * A backlog of welcome mails in the service's outbox, made without 5,000 registrations (and 5,000 hashes): rows
 * are inserted over JDBC as the use cases would write them, but due tomorrow, so the running worker leaves them
 * alone; one UPDATE then makes them all due at once. What is timed is the worker alone: claim, render, SMTP, mark
 * sent. Writes the service's own table by its column names (the V1 migration), so it moves with the schema.
 */
final class OutboxBacklog {

    private static final String MARK = "backlog.bench.example.com";

    private final String jdbcUrl;

    OutboxBacklog(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    void insertNotYetDue(int count) throws SQLException {
        SecureRandom random = new SecureRandom();
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        try (Connection connection = connect();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO mail_outbox (id, template, recipient, parameters, status, attempts, next_attempt_at, created_at)
                     VALUES (?, 'WELCOME', ?, ?::jsonb, 'PENDING', 0, now() + interval '1 day', now())""")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                byte[] token = new byte[32];
                random.nextBytes(token);
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, "user" + i + "@" + MARK);
                insert.setString(3, "{\"token\": \"" + base64.encodeToString(token) + "\", \"username\": \"user" + i + "\"}");
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    /** Mail the service still has to send, other than the backlog (welcome mails of the registrations before). */
    long otherPending() throws SQLException {
        return count("SELECT count(*) FROM mail_outbox WHERE status = 'PENDING' AND recipient NOT LIKE '%@" + MARK + "'");
    }

    long backlogSent() throws SQLException {
        return count("SELECT count(*) FROM mail_outbox WHERE status = 'SENT' AND recipient LIKE '%@" + MARK + "'");
    }

    /** Makes the whole backlog due now; the worker finds it at its next poll (ACCOUNTS_MAIL_POLL_INTERVAL). */
    void release() throws SQLException {
        try (Connection connection = connect(); Statement update = connection.createStatement()) {
            update.executeUpdate("UPDATE mail_outbox SET next_attempt_at = now() WHERE recipient LIKE '%@" + MARK + "'");
        }
    }

    /** Waits until no other mail is pending, so the sink counts only the backlog afterwards. */
    void awaitOtherMailSent(Duration timeout) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (otherPending() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = connect(); Statement query = connection.createStatement();
             ResultSet result = query.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        return ServiceProcess.database(jdbcUrl);
    }
}
