package dev.accounts.adapter.out.mail;

import static dev.accounts.adapter.out.mail.MailContent.paragraph;

import dev.accounts.application.port.out.MailTemplate;

/** The words of {@link MailTemplate#USERNAME_CHANGED_NOTICE}, sent to the account's address after the change. */
final class UsernameChangedNoticeMail {

    private UsernameChangedNoticeMail() {
    }

    static MailContent content(String oldUsername, String username) {
        return MailContent.of("Your " + MailLayout.PRODUCT + " username was changed",
                paragraph("Hi " + username + "! Your username changed from " + oldUsername + " to " + username + "."),
                paragraph("From now on, log in to " + MailLayout.PRODUCT + " with " + username
                        + " or with your email address."),
                paragraph("If this was not you, change your password now."));
    }
}
