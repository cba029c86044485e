package dev.accounts.adapter.out.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublicLinksTest {

    private static final String TOKEN = "Ab-_0123456789abcdefghijklmnopqrstuvwxyzABC";

    @ParameterizedTest
    @CsvSource({
            "https://accounts.example.com,          https://accounts.example.com",
            "https://accounts.example.com/,         https://accounts.example.com",
            "https://example.com/accounts,          https://example.com/accounts",
            "https://example.com/accounts/,         https://example.com/accounts",
            "https://example.com/accounts//,        https://example.com/accounts",
            "HTTP://localhost:8080/,                http://localhost:8080"})
    void buildsLinksUnderThePublicUrlWithOneSlashBetweenParts(String publicUrl, String base) {
        PublicLinks links = new PublicLinks(URI.create(publicUrl));

        assertThat(links.verifyEmail(TOKEN)).hasToString(base + "/verify-email?token=" + TOKEN);
        assertThat(links.resetPassword(TOKEN)).hasToString(base + "/reset-password?token=" + TOKEN);
        assertThat(links.home()).hasToString(base + "/");
    }

    @ParameterizedTest
    @CsvSource({"a+b/c=, a%2Bb%2Fc%3D", "a&next=x, a%26next%3Dx", "a#b, a%23b"})
    void urlEncodesTheTokenSoItCannotAddParametersOrEndTheQuery(String token, String encoded) {
        URI link = new PublicLinks(URI.create("https://accounts.example.com/")).verifyEmail(token);

        assertThat(link).hasToString("https://accounts.example.com/verify-email?token=" + encoded);
        assertThat(link.getRawFragment()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://accounts.example.com/?next=evil", "https://accounts.example.com/#top",
            "https://user:secret@accounts.example.com/", "/relative", "javascript:alert(1)", "ftp://example.com/",
            "mailto:someone@example.com"})
    void refusesAPublicUrlThatWouldBendEveryLink(String publicUrl) {
        assertThatThrownBy(() -> new PublicLinks(URI.create(publicUrl))).isInstanceOf(IllegalArgumentException.class);
    }
}
