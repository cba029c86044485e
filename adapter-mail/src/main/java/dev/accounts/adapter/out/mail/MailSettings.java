package dev.accounts.adapter.out.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the SMTP server and what to put in every message. Without a host the sender runs in logging-only
 * mode: messages are rendered and built as usual, then logged by their Message-ID instead of sent.
 *
 * <p>{@code null} picks a default: {@link Transport#STARTTLS}, and {@value #DEFAULT_TIMEOUT_SECONDS} s for each
 * timeout. A blank username or an empty password means none.
 *
 * @param host           the SMTP server; {@code null} or blank for logging-only mode
 * @param port           the SMTP port, 1 to 65535 (ignored in logging-only mode)
 * @param from           the sender, such as {@code Accounts <no-reply@accounts.example.com>}; its domain also
 *                       names the Message-IDs
 * @param publicUrl      the address users know the service by, {@code http} or {@code https}, possibly with a
 *                       path but without user info, query or fragment; links in mail are built from it, never
 *                       from a request
 * @param connectTimeout how long to wait for the TCP (and TLS) connection
 * @param readTimeout    how long to wait for each SMTP reply, and for each write
 */
public record MailSettings(String host, int port, String username, String password, Transport transport,
                           String from, URI publicUrl, Duration connectTimeout, Duration readTimeout) {

    public static final int DEFAULT_TIMEOUT_SECONDS = 10;
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);

    /** How the connection to the SMTP server is protected. */
    public enum Transport {
        /** No TLS required (port 25); upgraded with STARTTLS when the server offers it. */
        PLAIN,
        /** STARTTLS required (port 587). */
        STARTTLS,
        /** TLS from the first byte (port 465). */
        SMTPS
    }

    public MailSettings {
        host = blankToNull(host);
        username = blankToNull(username);
        password = password == null || password.isEmpty() ? null : password;
        transport = transport == null ? Transport.STARTTLS : transport;
        connectTimeout = positiveOrDefault(connectTimeout, "connectTimeout");
        readTimeout = positiveOrDefault(readTimeout, "readTimeout");
        requireSenderAddress(from);
        PublicLinks.requireUsable(publicUrl);
        if (host != null && (port < 1 || port > 65_535)) {
            throw new IllegalArgumentException("mail port must be 1 to 65535, was " + port);
        }
        if (password != null && username == null) {
            throw new IllegalArgumentException("a mail password needs a mail username");
        }
    }

    /** Settings that send nothing: every message is built, then logged by its Message-ID. */
    public static MailSettings loggingOnly(String from, URI publicUrl) {
        return new MailSettings(null, 0, null, null, null, from, publicUrl, null, null);
    }

    public boolean loggingOnly() {
        return host == null;
    }

    /** The sender as a parsed address; valid, since the constructor checked it. */
    InternetAddress fromAddress() {
        return parseSender(from);
    }

    @Override
    public String toString() {
        return "MailSettings[host=" + host + ", port=" + port + ", username=" + username
                + ", password=" + (password == null ? "(none)" : "(set)") + ", transport=" + transport
                + ", from=" + from + ", publicUrl=" + publicUrl
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Duration positiveOrDefault(Duration timeout, String name) {
        if (timeout == null) {
            return DEFAULT_TIMEOUT;
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("mail " + name + " must be positive and below 24 days, was " + timeout);
        }
        return timeout;
    }

    private static void requireSenderAddress(String from) {
        Objects.requireNonNull(from, "from");
        String domain = parseSender(from).getAddress();
        domain = domain.substring(domain.lastIndexOf('@') + 1);
        if (!domain.contains(".")) {
            throw new IllegalArgumentException("mail from address needs a domain like example.com: " + from);
        }
    }

    private static InternetAddress parseSender(String from) {
        try {
            InternetAddress address = new InternetAddress(from, true);
            if (address.isGroup() || address.getAddress().indexOf('@') < 1) {
                throw new AddressException("not a single address with a domain");
            }
            return address;
        } catch (AddressException e) {
            throw new IllegalArgumentException("mail from must be one address such as 'Accounts <no-reply@example.com>': " + from, e);
        }
    }
}
