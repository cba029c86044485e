-- Security hardening: login throttling state shared by every instance, and the append-only audit trail.
-- What jOOQ's DDL parser cannot read is wrapped in [jooq ignore] markers, as in V1.

-- Consecutive login failures per key ("account:<uuid>" or "client:<address>") and the block they earned. A
-- failure is counted with one INSERT ... ON CONFLICT DO UPDATE, so concurrent failures never lose a count; a
-- success deletes the row. updated_at (last change) lets housekeeping delete rows of keys that went quiet.
CREATE TABLE login_throttle (
    throttle_key  varchar(300) NOT NULL,
    failures      int          NOT NULL,
    blocked_until timestamptz  NULL,     -- no login for this key before this time; NULL: never blocked yet
    updated_at    timestamptz  NOT NULL,
    CONSTRAINT login_throttle_pkey PRIMARY KEY (throttle_key)
);

-- The audit trail: one row per security event, never changed or removed (the trigger below refuses UPDATE,
-- DELETE and TRUNCATE). user_id deliberately has NO foreign key: the trail must outlive the users it describes,
-- and deleting a user must not be blocked by, nor cascade into, its history.
CREATE TABLE audit_events (
    id             bigint       GENERATED ALWAYS AS IDENTITY,
    occurred_at    timestamptz  NOT NULL,
    action         varchar(40)  NOT NULL, -- AuditAction's name
    user_id        uuid         NULL,     -- when known; may name a user that no longer exists
    client_address varchar(100) NULL,     -- when known; control characters escaped, as in the log line
    outcome        varchar(16)  NOT NULL, -- AuditOutcome's name
    CONSTRAINT audit_events_pkey PRIMARY KEY (id),
    CONSTRAINT audit_events_action_check CHECK (action IN ('REGISTRATION', 'LOGIN', 'LOGIN_THROTTLED', 'LOGOUT',
        'USERNAME_CHANGE', 'EMAIL_CHANGE_REQUEST', 'EMAIL_CHANGE', 'EMAIL_VERIFICATION', 'PASSWORD_CHANGE',
        'PASSWORD_RESET_REQUEST', 'PASSWORD_RESET', 'SUPERUSER_CREATED')),
    CONSTRAINT audit_events_outcome_check CHECK (outcome IN ('SUCCESS', 'FAILURE', 'THROTTLED'))
);

-- "What happened to this account, latest first", and "what happened in this period".
CREATE INDEX audit_events_user_id_occurred_at_idx ON audit_events (user_id, occurred_at);
CREATE INDEX audit_events_occurred_at_idx ON audit_events (occurred_at);

/* [jooq ignore start] */
-- Append-only in the database itself, whatever client connects. A statement-level trigger fires even when no
-- row matches, so an attempt is refused rather than silently doing nothing, and it is the only kind of trigger
-- TRUNCATE fires. Purging old entries is a deliberate act of the table owner (ALTER TABLE ... DISABLE TRIGGER).
CREATE FUNCTION audit_events_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_events_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_events
    FOR EACH STATEMENT
    EXECUTE FUNCTION audit_events_refuse_change();
/* [jooq ignore stop] */
