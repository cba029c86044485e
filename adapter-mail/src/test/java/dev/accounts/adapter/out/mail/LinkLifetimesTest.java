package dev.accounts.adapter.out.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.application.fixtures.Users;
import dev.accounts.domain.user.SecretToken;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LinkLifetimesTest {

    @Test
    void saysDurationsInTheLargestWholeUnit() {
        assertThat(LinkLifetimes.inWords(Duration.ofHours(24))).isEqualTo("24 hours");
        assertThat(LinkLifetimes.inWords(Duration.ofHours(1))).isEqualTo("1 hour");
        assertThat(LinkLifetimes.inWords(Duration.ofMinutes(90))).isEqualTo("90 minutes");
        assertThat(LinkLifetimes.inWords(Duration.ofSeconds(1))).isEqualTo("1 second");
        assertThat(LinkLifetimes.inWords(Duration.ofMillis(1500))).isEqualTo("1 second");
    }

    @Test
    void mailsStateTheConfiguredLifetimesNotTheDefaults() {
        MailRenderer renderer = new MailRenderer(URI.create("https://accounts.example.com"),
                new LinkLifetimes(Duration.ofHours(48), Duration.ofMinutes(30), Duration.ofMinutes(15)));
        var user = Users.registered("alice", "alice@example.com");

        assertThat(renderer.render(OutgoingMail.welcome(user, SecretToken.generate())).text())
                .contains("valid for 48 hours").doesNotContain("24 hours");
        assertThat(renderer.render(OutgoingMail.emailChangeConfirmation(user,
                new dev.accounts.domain.user.EmailAddress("new@example.com"), SecretToken.generate())).text())
                .contains("valid for 30 minutes");
        assertThat(renderer.render(OutgoingMail.passwordReset(user, SecretToken.generate())).html())
                .contains("valid for 15 minutes");
    }
}
