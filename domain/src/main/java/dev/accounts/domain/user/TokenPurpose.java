package dev.accounts.domain.user;

/** What a mailed token may be used for: a token made for one purpose is useless for another. */
public enum TokenPurpose {
    /** Proves the user reads the address they registered with. */
    EMAIL_VERIFICATION,
    /** Confirms a new address before it becomes the login address. */
    EMAIL_CHANGE,
    /** Lets a user who lost their password set a new one. */
    PASSWORD_RESET
}
