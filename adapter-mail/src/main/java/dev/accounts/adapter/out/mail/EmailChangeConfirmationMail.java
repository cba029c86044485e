package dev.accounts.adapter.out.mail;

import static dev.accounts.adapter.out.mail.MailContent.action;
import static dev.accounts.adapter.out.mail.MailContent.paragraph;

import dev.accounts.application.port.out.MailTemplate;
import java.net.URI;
import java.time.Duration;

/** The words of {@link MailTemplate#EMAIL_CHANGE_CONFIRMATION}, sent to the address the user wants to change to. */
final class EmailChangeConfirmationMail {

    private EmailChangeConfirmationMail() {
    }

    static MailContent content(String username, URI confirmationLink, Duration lifetime) {
        return MailContent.of("Confirm your new email address for " + MailLayout.PRODUCT,
                paragraph("Hi " + username + "! You asked to use this address for your " + MailLayout.PRODUCT
                        + " account."),
                action("Please confirm your new email address", "Confirm email address", confirmationLink),
                paragraph("The link is valid for " + LinkLifetimes.inWords(lifetime) + " and works once. Your current address stays your login until"
                        + " you confirm."),
                paragraph("If you did not ask for this, you can ignore this message; nothing changes."));
    }
}
