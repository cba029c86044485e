/**
 * Mail delivery for Accounts: the outbox worker, the templates that turn queued mail into text and HTML, and the
 * sender built on simple-java-mail with its transports: SMTP, a pickup directory of {@code .eml} files, or the log.
 */
package dev.accounts.adapter.out.mail;
