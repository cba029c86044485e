package dev.accounts.adapter.out.mail;

import static dev.accounts.adapter.out.mail.MailContent.paragraph;

import dev.accounts.application.port.out.MailTemplate;

/**
 * The words of {@link MailTemplate#PASSWORD_CHANGED_NOTICE}, sent after a change or a reset. No link: the reset
 * page needs a token, and a request for one is made to the API, not from a page.
 */
final class PasswordChangedNoticeMail {

    private PasswordChangedNoticeMail() {
    }

    static MailContent content(String username) {
        return MailContent.of("Your " + MailLayout.PRODUCT + " password was changed",
                paragraph("Hi " + username + "! Your " + MailLayout.PRODUCT + " password was changed, and you were"
                        + " logged out everywhere else."),
                paragraph("If this was not you, reset your password now by asking for a reset link for this address."));
    }
}
