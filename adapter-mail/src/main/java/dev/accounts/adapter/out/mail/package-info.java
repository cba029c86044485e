/**
 * Mail delivery for Accounts: the outbox worker, the templates that turn queued mail into text and HTML, and the
 * SMTP sender built on simple-java-mail.
 */
package dev.accounts.adapter.out.mail;
