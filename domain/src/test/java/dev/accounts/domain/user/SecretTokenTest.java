package dev.accounts.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretTokenTest {

    /** {@code printf 'A%.0s' {1..43} | sha256sum} */
    private static final String EXPECTED_DIGEST_OF_43_AS = "0f007385b6f9d4b7eeb2748605afe1a984a0a3bfa3f014d09e2a784ce9e5cd1a";

    @Test
    void isThirtyTwoRandomBytesInBase64UrlWithoutPadding() {
        String token = SecretToken.generate().reveal();
        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void neverRepeatsItself() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            assertThat(seen.add(SecretToken.generate().reveal())).isTrue();
        }
    }

    @Test
    void parsesWhatItGeneratedAndDigestsTheSameWay() {
        SecretToken token = SecretToken.generate();
        SecretToken parsed = SecretToken.parse(token.reveal());
        assertThat(parsed).isEqualTo(token);
        assertThat(parsed.digest()).isEqualTo(token.digest());
    }

    @Test
    void digestsToTheSha256HexOfTheTokenText() {
        SecretToken token = SecretToken.parse("A".repeat(43));
        assertThat(token.digest().hex()).isEqualTo(EXPECTED_DIGEST_OF_43_AS);
        assertThat(token.digest().hex()).hasSize(64).doesNotContain(token.reveal());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"short", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n"})
    void refusesAnythingThatCannotBeOneOfOurs(String text) {
        assertThatThrownBy(() -> SecretToken.parse(text)).isInstanceOf(InvalidValueException.class)
                .hasMessage("is not a valid token");
    }

    @Test
    void neverPrintsItself() {
        SecretToken token = SecretToken.generate();
        assertThat(token.toString()).isEqualTo("SecretToken[hidden]").doesNotContain(token.reveal());
        assertThat(token.digest().shortForm()).hasSize(8);
    }
}
