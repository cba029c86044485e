/**
 * The PostgreSQL adapter: Flyway migrations, jOOQ implementations of the out-ports (users, profiles, sessions, email
 * tokens, mail outbox, login throttle, audit trail, transactions, store health), the connection pool, and an embedded
 * PostgreSQL launcher for development and tests.
 */
package dev.accounts.adapter.out.persistence;
