-- The dead messages on their own: monitoring counts them every few seconds (JooqMailQueueStatistics) and the admin
-- API lists them in pages by (created_at, id) (JooqDeadLetters). Without this index both scan the whole outbox, sent
-- mail included, which only grows; with it they read the dead rows alone, as V1's mail_outbox_due_idx does for the
-- pending ones.
CREATE INDEX mail_outbox_dead_idx ON mail_outbox (created_at, id) WHERE status = 'DEAD';
