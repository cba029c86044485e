/**
 * Mail delivery for Accounts: the outbox worker, the templates that turn queued mail into text and HTML, and the
 * sender that builds MIME messages with Jakarta Mail and hands them to a transport: SMTP, a pickup directory of
 * {@code .eml} files, or the log.
 */
package dev.accounts.adapter.out.mail;
