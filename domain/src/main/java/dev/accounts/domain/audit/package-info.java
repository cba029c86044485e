/** The audit trail: what happened to which account, from where, with what outcome. */
package dev.accounts.domain.audit;
