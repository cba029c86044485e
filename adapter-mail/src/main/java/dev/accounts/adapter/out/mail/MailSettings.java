package dev.accounts.adapter.out.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where mail goes and what to put in every message. The {@link Mode} follows from what is set: a host sends over
 * SMTP, a pickup directory writes files, neither logs each message by its Message-ID instead of sending it.
 *
 * <p>{@code null} picks a default: {@link Transport#STARTTLS}, and {@value #DEFAULT_TIMEOUT_SECONDS} s for each
 * timeout. A blank username or an empty password means none.
 *
 * @param host           the SMTP server; {@code null} or blank unless sending over SMTP
 * @param port           the SMTP port, 1 to 65535 (ignored in logging-only mode)
 * @param from           the sender, such as {@code Accounts <no-reply@accounts.example.com>}; its domain also
 *                       names the Message-IDs
 * @param publicUrl      the address users know the service by, {@code http} or {@code https}, possibly with a
 *                       path but without user info, query or fragment; links in mail are built from it, never
 *                       from a request
 * @param connectTimeout how long to wait for the TCP (and TLS) connection
 * @param readTimeout    how long to wait for each SMTP reply, and for each write
 * @param pickupDirectory an existing, writable directory that receives each message as an {@code .eml} file;
 *                       {@code null} unless writing files. Made absolute, so logs and errors say where
 */
public record MailSettings(String host, int port, String username, String password, Transport transport,
                           String from, URI publicUrl, Duration connectTimeout, Duration readTimeout,
                           Path pickupDirectory) {

    public static final int DEFAULT_TIMEOUT_SECONDS = 10;
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);

    /** How mail leaves the service: the value of {@code ACCOUNTS_MAIL_TRANSPORT}. */
    public enum Mode {
        /** Sent to the SMTP server. */
        SMTP,
        /** Built as if sent, then logged by its Message-ID; for development. */
        LOG,
        /** Written as one {@code .eml} file per message into the pickup directory. */
        FILE
    }

    /** How the connection to the SMTP server is protected ({@code ACCOUNTS_SMTP_TRANSPORT}); SMTP mode only. */
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
        if (pickupDirectory != null) {
            if (host != null) {
                throw new IllegalArgumentException("mail goes either to an SMTP host or to a pickup directory, not both");
            }
            pickupDirectory = requireWritableDirectory(pickupDirectory);
        }
    }

    /** SMTP settings, or logging-only ones when {@code host} is {@code null} or blank. */
    public MailSettings(String host, int port, String username, String password, Transport transport,
                        String from, URI publicUrl, Duration connectTimeout, Duration readTimeout) {
        this(host, port, username, password, transport, from, publicUrl, connectTimeout, readTimeout, null);
    }

    /** Settings that send nothing: every message is built, then logged by its Message-ID. */
    public static MailSettings loggingOnly(String from, URI publicUrl) {
        return new MailSettings(null, 0, null, null, null, from, publicUrl, null, null, null);
    }

    /** Settings that write every message as an {@code .eml} file into {@code directory}, which must exist and be writable. */
    public static MailSettings toPickupDirectory(Path directory, String from, URI publicUrl) {
        Objects.requireNonNull(directory, "pickup directory");
        return new MailSettings(null, 0, null, null, null, from, publicUrl, null, null, directory);
    }

    public Mode mode() {
        if (host != null) {
            return Mode.SMTP;
        }
        return pickupDirectory != null ? Mode.FILE : Mode.LOG;
    }

    public boolean loggingOnly() {
        return mode() == Mode.LOG;
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
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", pickupDirectory=" + pickupDirectory + "]";
    }

    /**
     * Checked here so a wrong directory stops the start rather than failing every message later. Whether it stays
     * usable is the transport's concern: a directory that goes away is a transient failure at send.
     */
    private static Path requireWritableDirectory(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw new IllegalArgumentException("mail pickup directory does not exist or is not a directory: " + absolute);
        }
        if (!Files.isWritable(absolute)) {
            throw new IllegalArgumentException("mail pickup directory is not writable: " + absolute);
        }
        return absolute;
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
