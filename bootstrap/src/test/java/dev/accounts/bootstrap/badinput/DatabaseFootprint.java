package dev.accounts.bootstrap.badinput;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the service has stored, boiled down to one row read in one query: a digest of every user, profile and mailed
 * token row, the set of sessions and of queued mails, and the number of successful audit events. Two footprints
 * taken around a rejected request must be equal: a refusal writes nothing (failed logins may add to the throttle
 * and the audit trail's failures, which are there to record refusals).
 *
 * <p>Mail rows are compared by id only, and sessions by token and user only: the mail worker marks rows sent in the
 * background, and every authenticated request touches its session's last use.
 */
public final class DatabaseFootprint implements AutoCloseable {

    private static final String QUERY = """
            SELECT (SELECT md5(coalesce(string_agg(u::text, '|' ORDER BY u.id), '')) FROM users u),
                   (SELECT md5(coalesce(string_agg(p::text, '|' ORDER BY p.user_id), '')) FROM profiles p),
                   (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.token_digest), '')) FROM email_tokens t),
                   (SELECT md5(coalesce(string_agg(s.token_digest || ':' || s.user_id, '|' ORDER BY s.token_digest), '')) FROM sessions s),
                   (SELECT count(*) FROM sessions),
                   (SELECT md5(coalesce(string_agg(m.id::text, '|' ORDER BY m.id), '')) FROM mail_outbox m),
                   (SELECT count(*) FROM mail_outbox),
                   (SELECT count(*) FROM users),
                   (SELECT count(*) FROM audit_events WHERE outcome = 'SUCCESS')
            """;

    private final Connection connection;

    /** @param connection a connection of its own to the service's database, closed with this */
    public DatabaseFootprint(Connection connection) {
        this.connection = connection;
    }

    public Footprint capture() {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(QUERY)) {
            row.next();
            return new Footprint(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getLong(5),
                    row.getString(6), row.getLong(7), row.getLong(8), row.getLong(9));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the database's footprint", e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    /** Digests and counts of the stored state; the counts are there to make a difference readable. */
    public record Footprint(String users, String profiles, String emailTokens, String sessions, long sessionCount,
                            String mails, long mailCount, long userCount, long successfulAuditEvents) {
    }
}
