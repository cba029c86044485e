package dev.accounts.adapter.out.mail;

import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.application.port.out.QueuedMail;
import dev.accounts.domain.user.EmailAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** Object mother for this module's tests: settings pointing at a local SMTP port, and queued messages. */
final class TestMail {

    static final String FROM = "Accounts <no-reply@accounts.example.com>";
    static final String FROM_ADDRESS = "no-reply@accounts.example.com";
    static final String FROM_DOMAIN = "accounts.example.com";
    static final URI PUBLIC_URL = URI.create("https://accounts.example.com/");

    private TestMail() {
    }

    /** Plain SMTP on the loopback interface, with timeouts short enough for tests. */
    static MailSettings smtpOnPort(int port) {
        return new MailSettings("127.0.0.1", port, null, null, MailSettings.Transport.PLAIN, FROM, PUBLIC_URL,
                Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    static MailSettings smtpOnPort(int port, Duration readTimeout) {
        return new MailSettings("127.0.0.1", port, null, null, MailSettings.Transport.PLAIN, FROM, PUBLIC_URL,
                Duration.ofSeconds(2), readTimeout);
    }

    static OutgoingMail welcome(String username, String email) {
        return new OutgoingMail(MailTemplate.WELCOME, new EmailAddress(email), Map.of(MailTemplate.USERNAME, username));
    }

    static QueuedMail queuedWelcome(String username, String email) {
        return new QueuedMail(UUID.randomUUID(), welcome(username, email), 1);
    }
}
