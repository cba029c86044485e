package dev.accounts.application.port.out;

import java.util.Set;

/**
 * The kinds of mail Accounts sends, each with the parameters its text needs. A {@code token} parameter is a raw
 * single-use token; the mail adapter turns it into a link under the configured public URL.
 */
public enum MailTemplate {

    /** After registration, to the new address: {@code username}, {@code token} (email verification). */
    WELCOME(Set.of(MailTemplate.USERNAME, MailTemplate.TOKEN)),
    /** A fresh verification link on request: {@code username}, {@code token}. */
    EMAIL_VERIFICATION(Set.of(MailTemplate.USERNAME, MailTemplate.TOKEN)),
    /** To the new address of an address change: {@code username}, {@code token}. */
    EMAIL_CHANGE_CONFIRMATION(Set.of(MailTemplate.USERNAME, MailTemplate.TOKEN)),
    /** To the current address when a change to another one is requested: {@code username}, {@code newEmail}. */
    EMAIL_CHANGE_NOTICE(Set.of(MailTemplate.USERNAME, MailTemplate.NEW_EMAIL)),
    /** To the address when the username changed: {@code oldUsername}, {@code username}. */
    USERNAME_CHANGED_NOTICE(Set.of(MailTemplate.OLD_USERNAME, MailTemplate.USERNAME)),
    /** After a password change or reset: {@code username}. */
    PASSWORD_CHANGED_NOTICE(Set.of(MailTemplate.USERNAME)),
    /** A reset link on request: {@code username}, {@code token}. */
    PASSWORD_RESET(Set.of(MailTemplate.USERNAME, MailTemplate.TOKEN)),
    /** Private registration, to an address that already has an account: someone tried to register with it. */
    ACCOUNT_EXISTS_NOTICE(Set.of()),
    /** Private registration, to the address given, when only the username was taken: {@code username} (the one asked for). */
    USERNAME_TAKEN_NOTICE(Set.of(MailTemplate.USERNAME));

    public static final String USERNAME = "username";
    public static final String OLD_USERNAME = "oldUsername";
    public static final String NEW_EMAIL = "newEmail";
    public static final String TOKEN = "token";

    private final Set<String> parameters;

    MailTemplate(Set<String> parameters) {
        this.parameters = parameters;
    }

    public Set<String> parameters() {
        return parameters;
    }

    /** Whether messages of this kind carry a secret that must not outlive their delivery. */
    public boolean carriesToken() {
        return parameters.contains(TOKEN);
    }
}
