package dev.accounts.domain.audit;

/** How an audited action ended. */
public enum AuditOutcome {
    SUCCESS,
    /** Refused: wrong credentials, an invalid token, a taken name. */
    FAILURE,
    /** Not even tried: the caller must wait (throttled or rate limited). */
    THROTTLED
}
