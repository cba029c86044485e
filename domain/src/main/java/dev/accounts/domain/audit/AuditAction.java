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
    SUPERUSER_CREATED
}
