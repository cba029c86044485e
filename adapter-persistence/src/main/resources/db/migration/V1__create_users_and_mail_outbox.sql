-- Users and the mail outbox. Ids are UUIDs made in Java, so an aggregate is whole before it is stored.
-- jOOQ generates its classes from this script without a database; what its parser cannot read is wrapped in
-- [jooq ignore] markers and exists only in the real PostgreSQL.

CREATE TABLE users (
    id             uuid         NOT NULL,
    username       varchar(32)  NOT NULL,               -- as typed; unique ignoring case (index below)
    email          varchar(254) NOT NULL,               -- as typed; unique ignoring case (index below)
    email_verified boolean      NOT NULL DEFAULT false, -- the owner confirmed the address
    password_hash  text         NOT NULL,               -- a PHC string carrying algorithm and parameters
    is_active      boolean      NOT NULL DEFAULT true,  -- false: the account may not log in
    is_superuser   boolean      NOT NULL DEFAULT false,
    created_at     timestamptz  NOT NULL,
    updated_at     timestamptz  NOT NULL,               -- kept by the trigger below on every update
    CONSTRAINT users_pkey PRIMARY KEY (id)
);

/* [jooq ignore start] */
-- Uniqueness ignoring case is decided here, at insert time: the application maps a violation to a
-- "taken" answer by these names, so they are part of the contract. (jOOQ's simulation cannot index
-- expressions; the generated code does not need these indexes.)
CREATE UNIQUE INDEX users_username_lower_key ON users (lower(username));
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));

CREATE FUNCTION users_touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

CREATE TRIGGER users_touch_updated_at
    BEFORE UPDATE ON users
    FOR EACH ROW
    EXECUTE FUNCTION users_touch_updated_at();
/* [jooq ignore stop] */

-- The transactional outbox: a row is written in the same transaction as the change that causes the mail,
-- and delivery workers claim due rows under a lease (locked_until) with FOR UPDATE SKIP LOCKED.
CREATE TABLE mail_outbox (
    id              uuid         NOT NULL,
    template        varchar(64)  NOT NULL,                   -- which kind of mail (MailTemplate's name)
    recipient       varchar(254) NOT NULL,                   -- the address, as typed
    parameters      jsonb        NOT NULL,                   -- the template's values, a flat object of strings
    status          varchar(16)  NOT NULL DEFAULT 'PENDING', -- PENDING until sent, or DEAD when given up
    attempts        int          NOT NULL DEFAULT 0,         -- delivery attempts claimed so far
    next_attempt_at timestamptz  NOT NULL,                   -- not claimed before this time
    locked_until    timestamptz  NULL,                       -- a worker's lease; others skip the row until then
    last_error      text         NULL,                       -- why the last attempt failed
    created_at      timestamptz  NOT NULL,
    sent_at         timestamptz  NULL,
    CONSTRAINT mail_outbox_pkey PRIMARY KEY (id),
    CONSTRAINT mail_outbox_status_check CHECK (status IN ('PENDING', 'SENT', 'DEAD'))
);

-- Workers look only for pending rows by due time; sent and dead rows stay out of the index.
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status = 'PENDING';
