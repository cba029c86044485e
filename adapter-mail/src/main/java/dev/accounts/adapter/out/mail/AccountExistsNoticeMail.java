package dev.accounts.adapter.out.mail;

import static dev.accounts.adapter.out.mail.MailContent.paragraph;

import dev.accounts.application.port.out.MailTemplate;

/**
 * The words of {@link MailTemplate#ACCOUNT_EXISTS_NOTICE}: with private registration the API answers alike whether
 * or not an address already has an account, so the owner learns here why no new one was made. Anyone can cause
 * this message, hence no greeting by name and no button: only the footer's home link, and a plain mention that a
 * reset can be requested (a reset link needs a token, which this message must not carry).
 */
final class AccountExistsNoticeMail {

    private AccountExistsNoticeMail() {
    }

    static MailContent content() {
        return MailContent.of("Someone tried to register with your email address at " + MailLayout.PRODUCT,
                paragraph("Hi! Someone, maybe you, tried to create an " + MailLayout.PRODUCT + " account with this email"
                        + " address, but it already has one. No new account was created."),
                paragraph("If it was you, log in with your username or this email address. If you forgot your password,"
                        + " you can ask for a password reset for this address."),
                paragraph("If it was not you, you can ignore this message; nothing changed."));
    }
}
