package dev.accounts.adapter.out.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MailSettingsTest {

    private static MailSettings withHost(String host) {
        return new MailSettings(host, 587, "mailer", "s3cret-Pa55", MailSettings.Transport.STARTTLS,
                TestMail.FROM, TestMail.PUBLIC_URL, null, null);
    }

    @Test
    void toStringHidesThePassword() {
        String text = withHost("smtp.example.com").toString();

        assertThat(text).doesNotContain("s3cret-Pa55").contains("password=(set)").contains("smtp.example.com");
    }

    @Test
    void aMissingOrBlankHostMeansLoggingOnly() {
        assertThat(withHost(null).loggingOnly()).isTrue();
        assertThat(withHost("  ").loggingOnly()).isTrue();
        assertThat(withHost("smtp.example.com").loggingOnly()).isFalse();
        assertThat(MailSettings.loggingOnly(TestMail.FROM, TestMail.PUBLIC_URL).loggingOnly()).isTrue();
    }

    @Test
    void timeoutsAndTransportDefaultToTenSecondsAndStarttls() {
        MailSettings settings = new MailSettings("smtp.example.com", 587, null, null, null, TestMail.FROM, TestMail.PUBLIC_URL, null, null);

        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.transport()).isEqualTo(MailSettings.Transport.STARTTLS);
    }

    @Test
    void rejectsAPasswordWithoutAUsername() {
        assertThatThrownBy(() -> new MailSettings("smtp.example.com", 587, " ", "s3cret-Pa55", null, TestMail.FROM,
                TestMail.PUBLIC_URL, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("s3cret-Pa55");
    }

    @Test
    void rejectsASenderThatIsNotOneAddressWithADomain() {
        for (String from : new String[] {"no-reply", "Accounts <no-reply@localhost>", "a@example.com, b@example.com"}) {
            assertThatThrownBy(() -> MailSettings.loggingOnly(from, TestMail.PUBLIC_URL))
                    .as(from).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void rejectsAPublicUrlThatIsNotAPlainAbsoluteWebAddress() {
        for (String url : new String[] {"/relative", "javascript:alert(1)", "ftp://example.com/",
                "https://example.com/?next=x", "https://example.com/#top", "https://user@example.com/"}) {
            assertThatThrownBy(() -> MailSettings.loggingOnly(TestMail.FROM, URI.create(url)))
                    .as(url).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void rejectsAPortOutOfRangeWhenSending() {
        assertThatThrownBy(() -> new MailSettings("smtp.example.com", 0, null, null, null, TestMail.FROM, TestMail.PUBLIC_URL, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsATimeoutThatIsNotPositive() {
        assertThatThrownBy(() -> new MailSettings("smtp.example.com", 25, null, null, null, TestMail.FROM, TestMail.PUBLIC_URL,
                Duration.ZERO, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
