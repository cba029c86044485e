package dev.accounts.adapter.out.mail;

import static dev.accounts.adapter.out.mail.MailContent.action;
import static dev.accounts.adapter.out.mail.MailContent.paragraph;

import dev.accounts.application.port.out.MailTemplate;
import java.net.URI;
import java.time.Duration;

/** The words of {@link MailTemplate#WELCOME}, sent once an account is registered, with its first verification link. */
final class WelcomeMail {

    private WelcomeMail() {
    }

    static MailContent content(String username, URI verificationLink, Duration lifetime) {
        return MailContent.of("Welcome to " + MailLayout.PRODUCT,
                paragraph("Hi " + username + "! You have successfully signed up to " + MailLayout.PRODUCT + "."),
                action("Please verify your email address", "Verify email address", verificationLink),
                paragraph("The link is valid for " + LinkLifetimes.inWords(lifetime) + " and works once."),
                paragraph("If you did not sign up, you can ignore this message."));
    }
}
