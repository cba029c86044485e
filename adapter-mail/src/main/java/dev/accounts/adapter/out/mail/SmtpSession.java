package dev.accounts.adapter.out.mail;

import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import java.util.Properties;
import org.simplejavamail.api.mailer.config.TransportStrategy;

/**
 * The Jakarta Mail session for the configured SMTP server: simple-java-mail's properties for the transport (STARTTLS
 * required, not merely tried), the server, the credentials, the TLS server identity check and the timeouts. Owning the
 * session is what lets the connect timeout differ from the read timeout (simple-java-mail knows one for all three),
 * and lets every connection's write time-outs be watched by one {@link WriteTimeouts}.
 */
final class SmtpSession {

    private SmtpSession() {
    }

    /** @param writeTimeouts watches every write on the session's connections; the caller shuts it down after them */
    static Session open(MailSettings settings, WriteTimeouts writeTimeouts) {
        TransportStrategy strategy = strategy(settings.transport());
        Properties properties = strategy.generateProperties();
        properties.put(strategy.propertyNameHost(), settings.host());
        properties.put(strategy.propertyNamePort(), Integer.toString(settings.port()));
        // Angus Mail checks it by default too; said here so that no default can turn it off.
        properties.put(strategy.propertyNameCheckServerIdentity(), "true");
        properties.put(strategy.propertyNameConnectionTimeout(), Long.toString(settings.connectTimeout().toMillis()));
        properties.put(strategy.propertyNameTimeout(), Long.toString(settings.readTimeout().toMillis()));
        properties.put(strategy.propertyNameWriteTimeout(), Long.toString(settings.readTimeout().toMillis()));
        properties.put(executorProperty(strategy), writeTimeouts);
        if (settings.username() == null) {
            return Session.getInstance(properties);
        }
        properties.put(strategy.propertyNameUsername(), settings.username());
        properties.put(strategy.propertyNameAuthenticate(), "true");
        return Session.getInstance(properties, new Credentials(settings.username(), settings.password()));
    }

    /** Angus' name for the executor of the write time-outs: {@code mail.smtp.executor.writetimeout} for smtp. */
    private static String executorProperty(TransportStrategy strategy) {
        String writeTimeout = strategy.propertyNameWriteTimeout();
        return writeTimeout.substring(0, writeTimeout.lastIndexOf('.')) + ".executor.writetimeout";
    }

    static TransportStrategy strategy(MailSettings.Transport transport) {
        return switch (transport) {
            case PLAIN -> TransportStrategy.SMTP;
            case STARTTLS -> TransportStrategy.SMTP_TLS;
            case SMTPS -> TransportStrategy.SMTPS;
        };
    }

    /** Answers the server's login prompt; the password stays in memory only. */
    private static final class Credentials extends Authenticator {

        private final String username;
        private final String password;

        Credentials(String username, String password) {
            this.username = username;
            this.password = password;
        }

        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
            return new PasswordAuthentication(username, password == null ? "" : password);
        }
    }
}
