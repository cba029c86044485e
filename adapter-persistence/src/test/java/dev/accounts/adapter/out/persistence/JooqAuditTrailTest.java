package dev.accounts.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.audit.AuditOutcome;
import dev.accounts.domain.user.UserId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the port's contract ({@link JooqAuditTrailContractTest}) cannot see: the columns, the append-only trigger and
 * the log line. The audit trail is never emptied between tests (it is append-only), so each test reads back only the
 * rows and log lines of its own client address or user id.
 */
@ExtendWith(SharedDatabase.class)
class JooqAuditTrailTest {

    private static final Instant T0 = Instant.parse("2025-06-01T08:00:00.123456789Z");
    private static final Instant T0_AS_STORED = Instant.parse("2025-06-01T08:00:00.123456Z");

    private final DSLContext dsl;
    private final SpringTransactions transactions;
    private final JooqAuditTrail audit;
    private final CapturedLog log = CapturedLog.of(JooqAuditTrail.LOGGER_NAME);
    private final String client = ClientAddresses.unique();
    private final UserId user = new UserId(UUID.randomUUID());

    JooqAuditTrailTest(TestDatabase database) {
        this.dsl = database.dsl();
        this.transactions = database.transactions();
        this.audit = new JooqAuditTrail(dsl);
    }

    @AfterEach
    void detachLog() {
        log.close();
    }

    @Test
    void storesEachFieldOfTheEventToTheMicrosecond() {
        audit.record(new AuditEvent(T0, AuditAction.LOGIN, user, client, AuditOutcome.FAILURE));

        List<Record> rows = rowsOf(client);
        assertThat(rows).hasSize(1);
        Record row = rows.getFirst();
        assertThat(row.get("occurred_at", OffsetDateTime.class).toInstant()).isEqualTo(T0_AS_STORED);
        assertThat(row.get("action", String.class)).isEqualTo("LOGIN");
        assertThat(row.get("user_id", UUID.class)).isEqualTo(user.value());
        assertThat(row.get("client_address", String.class)).isEqualTo(client);
        assertThat(row.get("outcome", String.class)).isEqualTo("FAILURE");
    }

    @Test
    void storesAnUnknownUserAndAnUnknownClientAsNull() {
        audit.record(new AuditEvent(T0, AuditAction.PASSWORD_RESET_REQUEST, null, client, AuditOutcome.SUCCESS));
        audit.record(new AuditEvent(T0, AuditAction.SUPERUSER_CREATED, user, null, AuditOutcome.SUCCESS));

        assertThat(rowsOf(client).getFirst().get("user_id")).isNull();
        assertThat(dsl.fetchValue("SELECT client_address FROM audit_events WHERE user_id = ?", user.value())).isNull();
        assertThat(log.linesContaining("client=" + client)).singleElement().asString().contains(" user=- ");
        assertThat(log.linesContaining("user=" + user)).singleElement().asString().contains(" client=- ");
    }

    @Test
    void refusesToUpdateAnEntry() {
        audit.record(new AuditEvent(T0, AuditAction.LOGIN, user, client, AuditOutcome.FAILURE));

        assertThatThrownBy(() -> dsl.execute("UPDATE audit_events SET outcome = 'SUCCESS' WHERE client_address = ?", client))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("audit_events is append-only: UPDATE refused");
        assertThatThrownBy(() -> dsl.execute("UPDATE audit_events SET outcome = 'SUCCESS' WHERE false"))
                .as("even when no row matches")
                .hasMessageContaining("append-only");

        assertThat(rowsOf(client).getFirst().get("outcome", String.class)).isEqualTo("FAILURE");
    }

    @Test
    void refusesToDeleteAnEntry() {
        audit.record(new AuditEvent(T0, AuditAction.LOGIN, user, client, AuditOutcome.FAILURE));

        assertThatThrownBy(() -> dsl.execute("DELETE FROM audit_events WHERE client_address = ?", client))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("audit_events is append-only: DELETE refused");

        assertThat(rowsOf(client)).hasSize(1);
    }

    @Test
    void refusesToTruncateTheTrail() {
        audit.record(new AuditEvent(T0, AuditAction.LOGIN, user, client, AuditOutcome.FAILURE));

        assertThatThrownBy(() -> dsl.execute("TRUNCATE audit_events"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("audit_events is append-only: TRUNCATE refused");

        assertThat(rowsOf(client)).hasSize(1);
    }

    @Test
    void leavesNeitherARowNorALogLineWhenTheTransactionRollsBack() {
        IllegalStateException failure = new IllegalStateException("the change failed");

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            audit.record(new AuditEvent(T0, AuditAction.PASSWORD_CHANGE, user, client, AuditOutcome.SUCCESS));
            throw failure;
        })).isSameAs(failure);

        assertThat(rowsOf(client)).isEmpty();
        assertThat(log.linesContaining(client)).isEmpty();
    }

    @Test
    void logsOneLineWithEveryFieldOnlyOnceTheTransactionCommits() {
        transactions.inTransaction(() -> {
            audit.record(new AuditEvent(T0, AuditAction.LOGIN, user, client, AuditOutcome.FAILURE));
            assertThat(log.linesContaining(client)).as("before commit").isEmpty();
        });

        assertThat(log.linesContaining(client)).containsExactly(
                "audit action=LOGIN outcome=FAILURE user=" + user + " client=" + client + " at=2025-06-01T08:00:00.123456Z");
        assertThat(rowsOf(client)).hasSize(1);
    }

    @Test
    void logsAtOnceWithoutATransaction() {
        audit.record(new AuditEvent(T0, AuditAction.LOGIN_THROTTLED, user, client, AuditOutcome.THROTTLED));

        assertThat(log.linesContaining(client)).containsExactly(
                "audit action=LOGIN_THROTTLED outcome=THROTTLED user=" + user + " client=" + client
                        + " at=2025-06-01T08:00:00.123456Z");
    }

    @Test
    void escapesLineBreaksInTheClientAddressInTheLineAndTheRow() {
        String forging = client + "\r\naudit action=LOGIN outcome=SUCCESS";
        String escaped = client + "\\r\\naudit\\u0020action=LOGIN\\u0020outcome=SUCCESS";

        audit.record(new AuditEvent(T0, AuditAction.LOGIN, user, forging, AuditOutcome.FAILURE));

        assertThat(log.linesContaining(client)).containsExactly(
                "audit action=LOGIN outcome=FAILURE user=" + user + " client=" + escaped + " at=2025-06-01T08:00:00.123456Z");
        assertThat(rowsOf(escaped)).hasSize(1);
    }

    @Test
    void cutsAnOverlongClientAddressRatherThanFailTheChange() {
        String overlong = client + "-" + "x".repeat(200);

        audit.record(new AuditEvent(T0, AuditAction.REGISTRATION, user, overlong, AuditOutcome.SUCCESS));

        assertThat(dsl.fetchValue("SELECT client_address FROM audit_events WHERE user_id = ?", user.value()))
                .isEqualTo(overlong.substring(0, JooqAuditTrail.MAX_CLIENT_ADDRESS));
    }

    private List<Record> rowsOf(String clientAddress) {
        return dsl.fetch("SELECT occurred_at, action, user_id, client_address, outcome FROM audit_events"
                + " WHERE client_address = ? ORDER BY id", clientAddress);
    }
}
