package dev.accounts.adapter.out.mail;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.accounts.adapter.out.inmemory.InMemoryMailOutbox;
import dev.accounts.adapter.out.inmemory.InMemoryMailOutbox.Status;
import dev.accounts.adapter.out.inmemory.InMemoryStore;
import dev.accounts.application.port.in.DeliverMailUseCase.DeliveryReport;
import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.application.service.MailDeliveryService;
import dev.accounts.application.service.RetryPolicy;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each message that carries a token, from the outbox through the application's delivery service and the SMTP
 * sender to a real SMTP server: the link arrives in the text part, and no log line written meanwhile holds the token.
 */
class TokenMailDeliveryTest {

    private static final Pattern LINK = Pattern.compile("https://accounts\\.example\\.com/\\S+");

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @ParameterizedTest
    @CsvSource({
            "WELCOME,                   verify-email",
            "EMAIL_VERIFICATION,        verify-email",
            "EMAIL_CHANGE_CONFIRMATION, verify-email",
            "PASSWORD_RESET,            reset-password"})
    void deliversTheLinkInTheTextPartAndNeverLogsTheToken(MailTemplate template, String page) throws Exception {
        String token = TestMail.token();
        InMemoryMailOutbox outbox = new InMemoryStore().outbox();
        outbox.enqueue(TestMail.of(template, token));
        DeliveryReport report;
        List<String> logLines;
        try (CapturedLogs logs = CapturedLogs.at(Level.DEBUG, "dev.accounts", "org.simplejavamail");
             MimeMailSender sender = new MimeMailSender(TestMail.smtpOnPort(GREEN_MAIL.getSmtp().getPort()))) {
            report = new MailDeliveryService(outbox, sender, new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(1), 3),
                    Clock.systemUTC(), Duration.ofSeconds(30), 10, new Random(7)).deliverDueMail();
            logLines = logs.lines();
        }

        assertThat(report).isEqualTo(new DeliveryReport(1, 0, 0));
        assertThat(outbox.entries()).singleElement().satisfies(entry -> assertThat(entry.status()).isEqualTo(Status.SENT));
        assertThat(GREEN_MAIL.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = GREEN_MAIL.getReceivedMessages()[0];
        String text = ReceivedMail.partText(received, "text/plain").orElseThrow();
        String expectedLink = "https://accounts.example.com/" + page + "?token=" + token;
        assertThat(LINK.matcher(text).results().map(match -> match.group())).contains(expectedLink);
        assertThat(ReceivedMail.partText(received, "text/html")).hasValueSatisfying(html ->
                assertThat(html).contains("href=\"" + expectedLink + "\""));
        assertThat(logLines).isNotEmpty().noneSatisfy(line -> assertThat(line).contains(token));
    }
}
