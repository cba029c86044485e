/**
 * The in-memory adapter: thread-safe implementations of every driven store port (users, profiles, sessions, email
 * tokens, mail outbox and its statistics, login throttle, audit trail, store health) over all-or-nothing units of work
 * ({@link dev.accounts.adapter.out.inmemory.InMemoryTransactions}), gathered by
 * {@link dev.accounts.adapter.out.inmemory.InMemoryStore}; for demos and fast tests.
 */
package dev.accounts.adapter.out.inmemory;
