package dev.accounts.application.port.out;

import java.util.Set;

/** The kinds of mail Accounts sends, each with the parameters its text needs. */
public enum MailTemplate {

    /** After registration: {@code username}. */
    WELCOME(Set.of(MailTemplate.USERNAME));

    public static final String USERNAME = "username";

    private final Set<String> parameters;

    MailTemplate(Set<String> parameters) {
        this.parameters = parameters;
    }

    public Set<String> parameters() {
        return parameters;
    }
}
