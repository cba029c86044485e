package dev.accounts.adapter.out.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.accounts.application.contracts.DeliveredMail;
import dev.accounts.application.contracts.MailSenderContract;
import dev.accounts.application.port.out.MailSender;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The mail-port contract over SMTP, read back from GreenMail, a real SMTP server in-process. */
class SmtpMailSenderContractTest extends MailSenderContract {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private MimeMailSender sender;
    private int sent;

    @Override
    protected MailSender sender() {
        if (sender == null) {
            // Made on first use: GreenMail starts (on a new port) before each test.
            sender = new MimeMailSender(TestMail.smtpOnPort(GREEN_MAIL.getSmtp().getPort()));
        }
        return (queued, gate) -> {
            sender.send(queued, gate);
            sent++;
        };
    }

    @Override
    protected List<DeliveredMail> delivered() {
        assertThat(GREEN_MAIL.waitForIncomingEmail(5_000, sent)).as("%d messages arrive", sent).isTrue();
        return Arrays.stream(GREEN_MAIL.getReceivedMessages()).map(ReceivedMail::asDelivered).toList();
    }

    @AfterEach
    void closeSender() {
        if (sender != null) {
            sender.close();
        }
    }
}
