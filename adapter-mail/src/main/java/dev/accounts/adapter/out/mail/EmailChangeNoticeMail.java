package dev.accounts.adapter.out.mail;

import static dev.accounts.adapter.out.mail.MailContent.paragraph;

import dev.accounts.application.port.out.MailTemplate;

/**
 * The words of {@link MailTemplate#EMAIL_CHANGE_NOTICE}, sent to the current address so that its owner learns of a
 * change they may not have asked for. No link: the confirmation goes to the new address only.
 */
final class EmailChangeNoticeMail {

    private EmailChangeNoticeMail() {
    }

    static MailContent content(String username, String newEmail) {
        return MailContent.of("A change of your " + MailLayout.PRODUCT + " email address was requested",
                paragraph("Hi " + username + "! A change of your " + MailLayout.PRODUCT + " email address to "
                        + newEmail + " was requested."),
                paragraph("This address stays your login until the change is confirmed from the new address."),
                paragraph("If this was not you, change your password now."));
    }
}
