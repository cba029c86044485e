package dev.accounts.adapter.out.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SmtpSessionTest {

    private final WriteTimeouts writeTimeouts = new WriteTimeouts();

    @AfterEach
    void stopWatchingWrites() {
        writeTimeouts.shutdown();
    }

    private static MailSettings settings(MailSettings.Transport transport) {
        return new MailSettings("smtp.example.com", 2525, "mailer", "s3cret-Pa55", transport, TestMail.FROM,
                TestMail.PUBLIC_URL, Duration.ofMillis(1500), Duration.ofMillis(7000));
    }

    @Test
    void starttlsIsRequiredNotMerelyAttempted() {
        Session session = SmtpSession.open(settings(MailSettings.Transport.STARTTLS), writeTimeouts);

        assertThat(session.getProperty("mail.smtp.starttls.enable")).isEqualTo("true");
        assertThat(session.getProperty("mail.smtp.starttls.required")).isEqualTo("true");
        assertThat(session.getProperty("mail.smtp.host")).isEqualTo("smtp.example.com");
        assertThat(session.getProperty("mail.smtp.port")).isEqualTo("2525");
        assertThat(session.getProperty("mail.smtp.auth")).isEqualTo("true");
    }

    @Test
    void smtpsSpeaksTlsFromTheFirstByte() {
        Session session = SmtpSession.open(settings(MailSettings.Transport.SMTPS), writeTimeouts);

        assertThat(session.getProperty("mail.transport.protocol")).isEqualTo("smtps");
        assertThat(session.getProperty("mail.smtps.host")).isEqualTo("smtp.example.com");
    }

    @Test
    void connectAndReadTimeoutsAreSetApart() {
        Session session = SmtpSession.open(settings(MailSettings.Transport.PLAIN), writeTimeouts);

        assertThat(session.getProperty("mail.smtp.connectiontimeout")).isEqualTo("1500");
        assertThat(session.getProperty("mail.smtp.timeout")).isEqualTo("7000");
        assertThat(session.getProperty("mail.smtp.writetimeout")).isEqualTo("7000");
    }

    @Test
    void everyWriteTimeOutIsWatchedByTheSendersOwnWatcher() {
        assertThat(SmtpSession.open(settings(MailSettings.Transport.PLAIN), writeTimeouts).getProperties()
                .get("mail.smtp.executor.writetimeout")).isSameAs(writeTimeouts);
        assertThat(SmtpSession.open(settings(MailSettings.Transport.SMTPS), writeTimeouts).getProperties()
                .get("mail.smtps.executor.writetimeout")).isSameAs(writeTimeouts);
    }

    @Test
    void theServerIdentityIsCheckedOverTls() {
        Session starttls = SmtpSession.open(settings(MailSettings.Transport.STARTTLS), writeTimeouts);
        Session smtps = SmtpSession.open(settings(MailSettings.Transport.SMTPS), writeTimeouts);

        assertThat(starttls.getProperty("mail.smtp.ssl.checkserveridentity")).isEqualTo("true");
        assertThat(smtps.getProperty("mail.smtps.ssl.checkserveridentity")).isEqualTo("true");
    }

    @Test
    void thePasswordIsNotASessionProperty() {
        Session session = SmtpSession.open(settings(MailSettings.Transport.STARTTLS), writeTimeouts);

        assertThat(session.getProperties().values()).map(String::valueOf).noneMatch(value -> value.contains("s3cret-Pa55"));
    }
}
