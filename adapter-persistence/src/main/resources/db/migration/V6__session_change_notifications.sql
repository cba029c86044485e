-- Every instance keeps the sessions it has just authenticated in memory (CachingSessionStore). A commit that changes
-- what an authenticated request is told (a session ended, the user changed or deleted, the profile saved) sends the
-- user's id on the channel 'accounts_session_changes', and every instance forgets that user's sessions on receipt.
-- Triggers rather than the adapter's own statements: any writer is covered, a manual UPDATE in psql included, and
-- PostgreSQL sends the notification on commit only, never for a rolled-back change. TRUNCATE fires no row trigger and
-- sends '*': forget everything. Inserting a session or moving its last use forward changes nothing a cache holds.
/* [jooq ignore start] */
CREATE FUNCTION notify_session_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_LEVEL = 'STATEMENT' THEN
        PERFORM pg_notify('accounts_session_changes', '*');
    ELSIF TG_OP = 'INSERT' THEN
        PERFORM pg_notify('accounts_session_changes', NEW.user_id::text);
    ELSIF TG_TABLE_NAME = 'users' THEN
        PERFORM pg_notify('accounts_session_changes', OLD.id::text);
    ELSE
        PERFORM pg_notify('accounts_session_changes', OLD.user_id::text);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER sessions_notify_change
    AFTER DELETE ON sessions
    FOR EACH ROW EXECUTE FUNCTION notify_session_change();

CREATE TRIGGER users_notify_change
    AFTER UPDATE OR DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION notify_session_change();

CREATE TRIGGER profiles_notify_change
    AFTER INSERT OR UPDATE OR DELETE ON profiles
    FOR EACH ROW EXECUTE FUNCTION notify_session_change();

CREATE TRIGGER sessions_notify_truncate
    AFTER TRUNCATE ON sessions
    FOR EACH STATEMENT EXECUTE FUNCTION notify_session_change();

CREATE TRIGGER users_notify_truncate
    AFTER TRUNCATE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION notify_session_change();

CREATE TRIGGER profiles_notify_truncate
    AFTER TRUNCATE ON profiles
    FOR EACH STATEMENT EXECUTE FUNCTION notify_session_change();
/* [jooq ignore stop] */
