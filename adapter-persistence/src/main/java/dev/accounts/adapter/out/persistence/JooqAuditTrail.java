package dev.accounts.adapter.out.persistence;

import static dev.accounts.adapter.out.persistence.jooq.Tables.AUDIT_EVENTS;

import dev.accounts.application.port.out.AuditTrail;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.user.UserId;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail in the append-only {@code audit_events} table, and one line per event on the logger
 * {@value #LOGGER_NAME}:
 * {@code audit action=LOGIN outcome=FAILURE user=<uuid or -> client=<address or -> at=<ISO-8601 UTC instant>}; an
 * admin action adds {@code actor=<uuid>} and, about a message, {@code mail=<uuid>} before {@code at=}.
 * The row joins the caller's transaction; the line is written only once that transaction has committed (at once
 * without one), so a rolled-back change leaves neither. The client address is escaped ({@link LoggedText}) and cut to
 * {@value #MAX_CLIENT_ADDRESS} characters, the same in the row and the line: it can neither forge a log line nor make
 * the audited change fail.
 */
public final class JooqAuditTrail implements AuditTrail {

    public static final String LOGGER_NAME = "accounts.audit";
    static final int MAX_CLIENT_ADDRESS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);
    private static final String UNKNOWN = "-";

    /** Written by every sign-up, log-in and refusal: rendered once. */
    private static final RenderedQuery INSERT = RenderedQuery.insertInto(AUDIT_EVENTS, AUDIT_EVENTS.OCCURRED_AT,
            AUDIT_EVENTS.ACTION, AUDIT_EVENTS.USER_ID, AUDIT_EVENTS.CLIENT_ADDRESS, AUDIT_EVENTS.OUTCOME,
            AUDIT_EVENTS.ACTOR_ID, AUDIT_EVENTS.MAIL_ID);

    private final DSLContext dsl;

    public JooqAuditTrail(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public void record(AuditEvent event) {
        OffsetDateTime occurredAt = Timestamps.toDatabase(event.occurredAt());
        String clientAddress = event.clientAddress() == null
                ? null
                : LoggedText.escaped(event.clientAddress(), MAX_CLIENT_ADDRESS);
        INSERT.insertHeld(dsl, UnaryOperator.identity(), occurredAt, event.action().name(),
                event.userId() == null ? null : event.userId().value(), clientAddress, event.outcome().name(), event.actorId() == null ? null : event.actorId().value(),
                event.mailId());
        AfterCommit.run(() -> LOG.info("audit action={} outcome={} user={} client={}{} at={}",
                event.action(), event.outcome(), orUnknown(event.userId()),
                clientAddress == null ? UNKNOWN : clientAddress, adminPart(event), Timestamps.fromDatabase(occurredAt)));
    }

    /** Empty for the events of users on their own accounts, so their lines read as they always did. */
    private static String adminPart(AuditEvent event) {
        return (event.actorId() == null ? "" : " actor=" + event.actorId().value())
                + (event.mailId() == null ? "" : " mail=" + event.mailId());
    }

    private static String orUnknown(UserId userId) {
        return userId == null ? UNKNOWN : userId.value().toString();
    }
}
