-- One index per expression on users, not two. V1's unique indexes on lower(username) and lower(email) compared with
-- the database's collation, so V4 added a text_pattern_ops index on each expression for the admin's prefix search.
-- Equality under a deterministic collation is byte equality, which is what text_pattern_ops compares, so a unique
-- text_pattern_ops index refuses exactly the same duplicates and also serves LIKE 'prefix%' under any collation.
-- Every registration and every change of name or address then updates two indexes fewer. The names of V1's indexes
-- are kept: the application maps a unique violation to "taken" by them. This runs in one transaction; until it
-- commits, writers to users wait, and the table never goes without its uniqueness.
/* [jooq ignore start] */
DROP INDEX users_username_prefix_idx;
DROP INDEX users_email_prefix_idx;
DROP INDEX users_username_lower_key;
DROP INDEX users_email_lower_key;
CREATE UNIQUE INDEX users_username_lower_key ON users (lower(username) text_pattern_ops);
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email) text_pattern_ops);
/* [jooq ignore stop] */
