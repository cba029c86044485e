-- The account lifecycle: a pending address change, profiles, login sessions, single-use email tokens.
-- Tokens of any kind are stored as their SHA-256 (64 hex digits), never raw: whoever reads this database cannot
-- log in or use a link with what they read. What jOOQ's DDL parser cannot read is wrapped in [jooq ignore]
-- markers, as in V1.

-- The address a user asked to change to, waiting for confirmation from it; the login address (email) stays
-- until then. Deliberately NOT unique: two users may both have asked for one address, and the unique index on
-- email decides when one of them confirms.
ALTER TABLE users ADD COLUMN pending_email varchar(254) NULL;

/* [jooq ignore start] */
-- V1's trigger stamped every update with the database's now(). The repository now writes updated_at from the
-- aggregate, so the stored value is the one the service answered with. The trigger now only stamps an update
-- that left updated_at as it was (a hand-made UPDATE), and never moves it backwards when it does.
CREATE OR REPLACE FUNCTION users_touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
        NEW.updated_at := greatest(now(), OLD.updated_at);
    END IF;
    RETURN NEW;
END;
$$;
/* [jooq ignore stop] */

-- What a user tells about themselves, apart from what authenticates them. varchar(n) counts characters
-- (code points) in a UTF-8 database, the same unit as the domain's limits (Profile: 100 and 500).
CREATE TABLE profiles (
    user_id    uuid         NOT NULL,
    full_name  varchar(100) NULL,
    bio        varchar(500) NULL,
    updated_at timestamptz  NOT NULL,
    CONSTRAINT profiles_pkey PRIMARY KEY (user_id),
    CONSTRAINT profiles_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- Login sessions, found by the digest of their bearer token on every authenticated request. Revoking one
-- deletes its row, so a revoked token is dead at once.
CREATE TABLE sessions (
    token_digest char(64)    NOT NULL,
    user_id      uuid        NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL, -- the absolute end; the idle end is last_used_at + the configured timeout
    last_used_at timestamptz NOT NULL,
    CONSTRAINT sessions_pkey PRIMARY KEY (token_digest),
    CONSTRAINT sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- "Revoke every session of this user" (password change, reset), and the cascade when a user is deleted.
CREATE INDEX sessions_user_id_idx ON sessions (user_id);

-- Single-use tokens sent by mail, each bound to one user, the address it was sent to, and one purpose.
-- A token is used up by setting used_at, in one UPDATE ... WHERE used_at IS NULL, so of any number of
-- concurrent uses exactly one succeeds. Issuing a new token marks the older unused ones of the same user and
-- purpose used, so only the newest link works.
CREATE TABLE email_tokens (
    token_digest char(64)     NOT NULL,
    user_id      uuid         NOT NULL,
    address      varchar(254) NOT NULL, -- as typed; a link sent to an old address cannot verify a new one
    purpose      varchar(32)  NOT NULL,
    created_at   timestamptz  NOT NULL,
    expires_at   timestamptz  NOT NULL,
    used_at      timestamptz  NULL,     -- consumed, superseded or invalidated: dead either way
    CONSTRAINT email_tokens_pkey PRIMARY KEY (token_digest),
    CONSTRAINT email_tokens_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT email_tokens_purpose_check CHECK (purpose IN ('EMAIL_VERIFICATION', 'EMAIL_CHANGE', 'PASSWORD_RESET'))
);

-- Finds a user's unused tokens of one purpose (to supersede or invalidate them). Not partial on used_at IS NULL:
-- the ON DELETE CASCADE from users looks rows up by user_id whatever their state, and a user has few tokens.
CREATE INDEX email_tokens_user_purpose_idx ON email_tokens (user_id, purpose);

/* [jooq ignore start] */
-- Per-recipient limits on user-triggered mail count recent rows by address ignoring case. (jOOQ's simulation
-- cannot index expressions; the generated code does not need this index.)
CREATE INDEX mail_outbox_recipient_recent_idx ON mail_outbox (lower(recipient), created_at);
/* [jooq ignore stop] */
