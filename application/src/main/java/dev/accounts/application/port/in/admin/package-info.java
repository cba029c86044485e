/**
 * Driving ports of the admin API: what an active superuser may do to other accounts and to the mail outbox. Every use
 * case here takes the signed-in caller, refuses anyone but an active superuser, and is audited, reads included.
 */
package dev.accounts.application.port.in.admin;
