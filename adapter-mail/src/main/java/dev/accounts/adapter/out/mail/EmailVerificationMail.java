package dev.accounts.adapter.out.mail;

import static dev.accounts.adapter.out.mail.MailContent.action;
import static dev.accounts.adapter.out.mail.MailContent.paragraph;

import dev.accounts.application.port.out.MailTemplate;
import java.net.URI;
import java.time.Duration;

/** The words of {@link MailTemplate#EMAIL_VERIFICATION}: a fresh verification link the user asked for. */
final class EmailVerificationMail {

    private EmailVerificationMail() {
    }

    static MailContent content(String username, URI verificationLink, Duration lifetime) {
        return MailContent.of("Verify your email address for " + MailLayout.PRODUCT,
                paragraph("Hi " + username + "! Here is a new link to verify your email address for "
                        + MailLayout.PRODUCT + "."),
                action("Please verify your email address", "Verify email address", verificationLink),
                paragraph("The link is valid for " + LinkLifetimes.inWords(lifetime) + " and works once. Links sent to you before no longer work."),
                paragraph("If you did not ask for this, you can ignore this message."));
    }
}
