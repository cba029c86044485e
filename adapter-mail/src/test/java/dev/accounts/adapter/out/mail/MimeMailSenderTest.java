package dev.accounts.adapter.out.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.accounts.application.fixtures.CountingGate;
import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.application.port.out.QueuedMail;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MimeMailSenderTest {

    private static final String SENTENCE = "Hi alice! You have successfully signed up to Accounts.";

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void deliversAWelcomeMailWithTextAndHtmlAndAMessageIdFromTheOutboxId() throws Exception {
        QueuedMail queued = TestMail.queuedWelcome("alice", "alice@example.com");

        try (MimeMailSender sender = new MimeMailSender(TestMail.smtpOnPort(GREEN_MAIL.getSmtp().getPort()))) {
            sender.send(queued, new CountingGate());
        }

        assertThat(GREEN_MAIL.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = GREEN_MAIL.getReceivedMessages()[0];
        assertThat(received.getRecipients(RecipientType.TO)).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("alice@example.com");
        InternetAddress from = (InternetAddress) received.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo(TestMail.FROM_ADDRESS);
        assertThat(from.getPersonal()).isEqualTo("Accounts");
        assertThat(received.getSubject()).isEqualTo("Welcome to Accounts");
        assertThat(received.getMessageID()).isEqualTo("<" + queued.id() + "@" + TestMail.FROM_DOMAIN + ">");
        assertThat(ReceivedMail.partText(received, "text/plain")).hasValueSatisfying(text -> assertThat(text).contains(SENTENCE));
        assertThat(ReceivedMail.partText(received, "text/html")).hasValueSatisfying(html -> assertThat(html).contains(SENTENCE));
    }

    /** Mail readers show the last alternative they can display, so the HTML comes second. */
    @Test
    void sendsTextThenHtmlAsAlternativesInUtf8WithADate() throws Exception {
        try (MimeMailSender sender = new MimeMailSender(TestMail.smtpOnPort(GREEN_MAIL.getSmtp().getPort()))) {
            sender.send(TestMail.queuedWelcome("alice", "alice@example.com"), new CountingGate());
        }

        assertThat(GREEN_MAIL.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = GREEN_MAIL.getReceivedMessages()[0];
        assertThat(received.getContentType()).startsWith("multipart/alternative");
        assertThat(received.getSentDate()).isNotNull();
        MimeMultipart alternatives = (MimeMultipart) received.getContent();
        assertThat(alternatives.getCount()).isEqualTo(2);
        assertThat(alternatives.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(alternatives.getBodyPart(1).getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
    }

    /** Text beyond ASCII (the footer's middle dot, a name) goes in quoted-printable and reads back the same. */
    @Test
    void encodesEachPartInQuotedPrintableThatReadsBackAsTheSameUtf8Text() throws Exception {
        try (MimeMailSender sender = new MimeMailSender(TestMail.smtpOnPort(GREEN_MAIL.getSmtp().getPort()))) {
            sender.send(TestMail.queuedWelcome("zoë", "zoe@example.com"), new CountingGate());
        }

        assertThat(GREEN_MAIL.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = GREEN_MAIL.getReceivedMessages()[0];
        MimeMultipart alternatives = (MimeMultipart) received.getContent();
        for (int part = 0; part < alternatives.getCount(); part++) {
            assertThat(((MimeBodyPart) alternatives.getBodyPart(part)).getEncoding()).isEqualTo("quoted-printable");
        }
        assertThat(ReceivedMail.partText(received, "text/plain"))
                .hasValueSatisfying(text -> assertThat(text).contains("Hi zoë!").contains("Accounts · "));
        assertThat(ReceivedMail.partText(received, "text/html")).hasValueSatisfying(html -> assertThat(html).contains("Hi zoë!"));
    }

    @Test
    void keepsTheSameMessageIdOnEveryAttempt() throws Exception {
        UUID outboxId = UUID.randomUUID();
        QueuedMail first = new QueuedMail(outboxId, TestMail.welcome("alice", "alice@example.com"), 1);
        QueuedMail second = new QueuedMail(outboxId, first.mail(), 2);

        try (MimeMailSender sender = new MimeMailSender(TestMail.smtpOnPort(GREEN_MAIL.getSmtp().getPort()))) {
            sender.send(first, new CountingGate());
            sender.send(second, new CountingGate());
        }

        assertThat(GREEN_MAIL.waitForIncomingEmail(5_000, 2)).isTrue();
        assertThat(GREEN_MAIL.getReceivedMessages()).extracting(MimeMessage::getMessageID)
                .containsExactly("<" + outboxId + "@accounts.example.com>", "<" + outboxId + "@accounts.example.com>");
    }

    @Test
    void loggingOnlyModeSendsNothingThrowsNothingAndLogsNeitherBodyNorToken() {
        QueuedMail queued = TestMail.queuedWelcome("alice", "alice@example.com");
        String token = queued.mail().parameters().get(MailTemplate.TOKEN);
        List<String> lines;
        try (CapturedLogs logs = CapturedLogs.at(Level.DEBUG, "dev.accounts", "org.simplejavamail");
             MimeMailSender sender = new MimeMailSender(MailSettings.loggingOnly(TestMail.FROM, TestMail.PUBLIC_URL))) {
            sender.send(queued, new CountingGate());
            lines = logs.lines();
        }

        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
        assertThat(lines)
                .anySatisfy(line -> assertThat(line).contains("logging-only").contains(queued.id().toString()))
                .noneSatisfy(line -> assertThat(line).contains("signed up"))
                .noneSatisfy(line -> assertThat(line).contains(token));
    }

    /** simple-java-mail's own sending path logs whole messages at TRACE; this sender does not take it. */
    @Test
    void logsNeitherBodyNorTokenEvenWithTheLibraryAtTrace() {
        QueuedMail queued = TestMail.queuedWelcome("alice", "alice@example.com");
        String token = queued.mail().parameters().get(MailTemplate.TOKEN);
        List<String> lines;
        try (CapturedLogs logs = CapturedLogs.at(Level.TRACE, "dev.accounts", "org.simplejavamail");
             MimeMailSender sender = new MimeMailSender(TestMail.smtpOnPort(GREEN_MAIL.getSmtp().getPort()))) {
            sender.send(queued, new CountingGate());
            lines = logs.lines();
        }

        assertThat(GREEN_MAIL.waitForIncomingEmail(5_000, 1)).isTrue();
        assertThat(lines).isNotEmpty()
                .noneSatisfy(line -> assertThat(line).contains("signed up"))
                .noneSatisfy(line -> assertThat(line).contains(token));
    }

    @Test
    void refusesToStartWithASenderThatValidationWouldReject() {
        MailSettings settings = MailSettings.loggingOnly("Accounts <no-reply@[192.0.2.1]>", TestMail.PUBLIC_URL);

        assertThatThrownBy(() -> new MimeMailSender(settings)).isInstanceOf(IllegalArgumentException.class);
    }
}
