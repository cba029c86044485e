-- The admin API: who acted in the audit trail, when a message died, and indexes for the user search.
-- What jOOQ's DDL parser cannot read is wrapped in [jooq ignore] markers, as in V1.

-- An admin action names two people: the superuser who acted (actor_id) and the account acted on (user_id, as for every
-- other event; NULL for a listing), and may name an outbox message (mail_id, for a re-queue). Neither has a foreign
-- key, for the reason user_id has none (V3). ADD COLUMN is not an UPDATE: the append-only trigger does not fire.
ALTER TABLE audit_events ADD COLUMN actor_id uuid NULL;
ALTER TABLE audit_events ADD COLUMN mail_id uuid NULL;

-- Every AuditAction name, V3's and the admin API's.
ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_action_check CHECK (action IN ('REGISTRATION', 'LOGIN',
    'LOGIN_THROTTLED', 'LOGOUT', 'USERNAME_CHANGE', 'EMAIL_CHANGE_REQUEST', 'EMAIL_CHANGE', 'EMAIL_VERIFICATION',
    'PASSWORD_CHANGE', 'PASSWORD_RESET_REQUEST', 'PASSWORD_RESET', 'SUPERUSER_CREATED', 'ADMIN_USERS_LISTED',
    'ADMIN_USER_VIEWED', 'USER_DEACTIVATED', 'USER_REACTIVATED', 'ADMIN_DEAD_MAIL_LISTED', 'MAIL_REQUEUED'));

-- "What did this superuser do". Partial: most events have no separate actor.
CREATE INDEX audit_events_actor_id_occurred_at_idx ON audit_events (actor_id, occurred_at) WHERE actor_id IS NOT NULL;

-- When the outbox gave up on a message; NULL for a message that is not dead, and for one that died before this column.
ALTER TABLE mail_outbox ADD COLUMN dead_at timestamptz NULL;

/* [jooq ignore start] */
-- The admin search matches a prefix of lower(username) or lower(email) with LIKE 'prefix%'. The unique indexes of V1
-- on the same expressions serve LIKE only under the C collation; text_pattern_ops compares byte by byte whatever the
-- database's collation, so these serve it everywhere. (jOOQ's simulation cannot index expressions.)
CREATE INDEX users_username_prefix_idx ON users (lower(username) text_pattern_ops);
CREATE INDEX users_email_prefix_idx ON users (lower(email) text_pattern_ops);
/* [jooq ignore stop] */
