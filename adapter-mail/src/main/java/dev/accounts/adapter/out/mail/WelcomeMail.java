package dev.accounts.adapter.out.mail;

import dev.accounts.application.port.out.MailTemplate;
import java.util.List;
import java.util.Map;

/** The words of {@link MailTemplate#WELCOME}, sent once an account is registered. */
final class WelcomeMail {

    private WelcomeMail() {
    }

    static MailContent content(Map<String, String> parameters) {
        String username = parameters.get(MailTemplate.USERNAME);
        return new MailContent("Welcome to " + MailLayout.PRODUCT, List.of(
                "Hi " + username + "! You have successfully signed up to " + MailLayout.PRODUCT + ".",
                "If you did not sign up, you can ignore this message."));
    }
}
