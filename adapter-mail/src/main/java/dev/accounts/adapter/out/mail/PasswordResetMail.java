package dev.accounts.adapter.out.mail;

import static dev.accounts.adapter.out.mail.MailContent.action;
import static dev.accounts.adapter.out.mail.MailContent.paragraph;

import dev.accounts.application.port.out.MailTemplate;
import java.net.URI;
import java.time.Duration;

/** The words of {@link MailTemplate#PASSWORD_RESET}: a link to choose a new password, on request. */
final class PasswordResetMail {

    private PasswordResetMail() {
    }

    static MailContent content(String username, URI resetLink, Duration lifetime) {
        return MailContent.of("Reset your " + MailLayout.PRODUCT + " password",
                paragraph("Hi " + username + "! Someone asked to reset the password of your " + MailLayout.PRODUCT
                        + " account."),
                action("To choose a new password, open this link", "Choose a new password", resetLink),
                paragraph("The link is valid for " + LinkLifetimes.inWords(lifetime) + " and works once. A new password logs your account out"
                        + " everywhere."),
                paragraph("If you did not ask for this, ignore this message; your password stays as it is."));
    }
}
