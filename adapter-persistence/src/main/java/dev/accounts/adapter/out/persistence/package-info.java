/**
 * The PostgreSQL adapter: Flyway migrations, jOOQ repositories for the out-ports (users, mail outbox,
 * transactions, store health), the connection pool, and an embedded PostgreSQL launcher for development and tests.
 */
package dev.accounts.adapter.out.persistence;
