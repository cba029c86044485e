package dev.accounts.adapter.out.mail;

import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.application.port.out.QueuedMail;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.SecretToken;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** Object mother for this module's tests: settings pointing at a local SMTP port or a directory, and queued messages. */
final class TestMail {

    static final String FROM = "Accounts <no-reply@accounts.example.com>";
    static final String FROM_ADDRESS = "no-reply@accounts.example.com";
    static final String FROM_DOMAIN = "accounts.example.com";
    static final URI PUBLIC_URL = URI.create("https://accounts.example.com/");

    /** The sample values {@link #of} fills in, apart from the token. */
    static final String USERNAME = "alice";
    static final String OLD_USERNAME = "alice-old";
    static final String NEW_EMAIL = "alice.new@example.com";

    private TestMail() {
    }

    /** Plain SMTP on the loopback interface, with timeouts short enough for tests. */
    static MailSettings smtpOnPort(int port) {
        return smtpOnPort(port, Duration.ofSeconds(2));
    }

    static MailSettings smtpOnPort(int port, Duration readTimeout) {
        return new MailSettings("127.0.0.1", port, null, null, MailSettings.Transport.PLAIN, FROM, PUBLIC_URL,
                Duration.ofSeconds(2), readTimeout);
    }

    /** Writes each message as an {@code .eml} file into the directory. */
    static MailSettings pickupDirectory(Path directory) {
        return MailSettings.toPickupDirectory(directory, FROM, PUBLIC_URL);
    }

    /** A small MIME message to alice, for a transport tested on its own. */
    static MimeMessage hello(Session session) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(FROM_ADDRESS);
        message.setRecipients(RecipientType.TO, "alice@example.com");
        message.setSubject("Hello");
        message.setText("Hello, Alice.");
        return message;
    }

    /** A fresh token as the application makes them: 43 characters of base64url. */
    static String token() {
        return SecretToken.generate().reveal();
    }

    static OutgoingMail welcome(String username, String email) {
        return new OutgoingMail(MailTemplate.WELCOME, new EmailAddress(email),
                Map.of(MailTemplate.USERNAME, username, MailTemplate.TOKEN, token()));
    }

    static QueuedMail queuedWelcome(String username, String email) {
        return new QueuedMail(UUID.randomUUID(), welcome(username, email), 1);
    }

    /** A message of any kind to {@code alice@example.com}, with the sample values and the given token if it takes one. */
    static OutgoingMail of(MailTemplate template, String token) {
        Map<String, String> samples = Map.of(MailTemplate.USERNAME, USERNAME, MailTemplate.OLD_USERNAME, OLD_USERNAME,
                MailTemplate.NEW_EMAIL, NEW_EMAIL, MailTemplate.TOKEN, token);
        return withParameters(template, samples::get);
    }

    /** A message of any kind to {@code alice@example.com} whose every parameter is {@code value(name)}. */
    static OutgoingMail withParameters(MailTemplate template, Function<String, String> value) {
        Map<String, String> parameters = new HashMap<>();
        template.parameters().forEach(name -> parameters.put(name, value.apply(name)));
        return new OutgoingMail(template, new EmailAddress("alice@example.com"), parameters);
    }
}
