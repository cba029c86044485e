package dev.accounts.adapter.out.mail;

import static dev.accounts.adapter.out.mail.MailContent.paragraph;

import dev.accounts.application.port.out.MailTemplate;

/**
 * The words of {@link MailTemplate#USERNAME_TAKEN_NOTICE}: with private registration the API answers alike whether
 * or not an account was made, so the person who registered learns here that the username was taken. The address
 * was typed by whoever registered, so its owner may not be that person.
 */
final class UsernameTakenNoticeMail {

    private UsernameTakenNoticeMail() {
    }

    static MailContent content(String requestedUsername) {
        return MailContent.of("That username is taken at " + MailLayout.PRODUCT,
                paragraph("Hi! Someone, maybe you, tried to create an " + MailLayout.PRODUCT + " account with this email"
                        + " address."),
                paragraph("The username " + requestedUsername + " is already taken, so no account was created."
                        + " Please register again with another username."),
                paragraph("If it was not you, you can ignore this message."));
    }
}
