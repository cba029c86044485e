/**
 * The benchmark of issue 6: Argon2id ceilings in-process, the service jar driven over HTTP by a load generator of
 * its own, outbox drain into an SMTP sink, and the report (table, JSON, Markdown, chart).
 */
package dev.accounts.bench;
