package dev.accounts.adapter.out.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.accounts.adapter.out.inmemory.InMemoryMailOutbox;
import dev.accounts.adapter.out.inmemory.InMemoryMailOutbox.Status;
import dev.accounts.adapter.out.inmemory.InMemoryStore;
import dev.accounts.application.port.in.DeliverMailUseCase.DeliveryReport;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.application.service.MailDeliveryService;
import dev.accounts.application.service.RetryPolicy;
import dev.accounts.domain.user.EmailAddress;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The notices of private registration, made by the application's own factories, from the outbox through the
 * delivery service and the SMTP sender to a real SMTP server.
 */
class NoticeMailDeliveryTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static Stream<Arguments> privateRegistrationNotices() {
        return Stream.of(
                arguments(OutgoingMail.accountExistsNotice(new EmailAddress("alice@example.com")),
                        "Someone tried to register with your email address at Accounts",
                        "but it already has one. No new account was created."),
                arguments(OutgoingMail.usernameTakenNotice(new EmailAddress("bob@example.com"), "alice"),
                        "That username is taken at Accounts",
                        "The username alice is already taken, so no account was created."));
    }

    @ParameterizedTest
    @MethodSource("privateRegistrationNotices")
    void deliversThePrivateRegistrationNoticeToTheAddressGiven(OutgoingMail notice, String subject, String sentence)
            throws Exception {
        InMemoryMailOutbox outbox = new InMemoryStore().outbox();
        outbox.enqueue(notice);
        DeliveryReport report;
        try (MimeMailSender sender = new MimeMailSender(TestMail.smtpOnPort(GREEN_MAIL.getSmtp().getPort()))) {
            report = new MailDeliveryService(outbox, sender, new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(1), 3),
                    Clock.systemUTC(), Duration.ofSeconds(30), 10, new Random(7)).deliverDueMail();
        }

        assertThat(report).isEqualTo(new DeliveryReport(1, 0, 0));
        assertThat(outbox.entries()).singleElement().satisfies(entry -> assertThat(entry.status()).isEqualTo(Status.SENT));
        assertThat(GREEN_MAIL.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = GREEN_MAIL.getReceivedMessages()[0];
        assertThat(received.getRecipients(RecipientType.TO)).extracting(address -> ((InternetAddress) address).getAddress())
                .containsExactly(notice.recipient().value());
        assertThat(received.getSubject()).isEqualTo(subject);
        assertThat(ReceivedMail.partText(received, "text/plain")).hasValueSatisfying(text -> assertThat(text).contains(sentence));
        assertThat(ReceivedMail.partText(received, "text/html")).hasValueSatisfying(html ->
                assertThat(html).contains(sentence).contains("href=\"https://accounts.example.com/\""));
    }
}
