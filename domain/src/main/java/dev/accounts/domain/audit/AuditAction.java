package dev.accounts.domain.audit;

/** The security-relevant things that happen to accounts, each kept in the audit trail. */
public enum AuditAction {
    REGISTRATION,
    LOGIN,
    LOGIN_THROTTLED,
    LOGOUT,
    USERNAME_CHANGE,
    EMAIL_CHANGE_REQUEST,
    EMAIL_CHANGE,
    EMAIL_VERIFICATION,
    PASSWORD_CHANGE,
    PASSWORD_RESET_REQUEST,
    PASSWORD_RESET,
    SUPERUSER_CREATED,
    /** A superuser listed users (reads are audited too: who looked at whose data is worth knowing). */
    ADMIN_USERS_LISTED,
    /** A superuser looked at one user. */
    ADMIN_USER_VIEWED,
    /** A superuser deactivated a user, ending their sessions. */
    USER_DEACTIVATED,
    /** A superuser let a deactivated user log in again. */
    USER_REACTIVATED,
    /** A superuser listed the mail the outbox gave up on. */
    ADMIN_DEAD_MAIL_LISTED,
    /** A superuser put a dead message back in the outbox. */
    MAIL_REQUEUED
}
