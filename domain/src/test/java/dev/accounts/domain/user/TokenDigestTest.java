package dev.accounts.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenDigestTest {

    private static final String DIGEST = "0123456789abcdef".repeat(4);

    @Test
    void isSixtyFourLowerCaseHexDigits() {
        assertThat(new TokenDigest(DIGEST).shortForm()).isEqualTo("01234567");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde٠"})
    void refusesAnythingElse(String hex) {
        assertThatThrownBy(() -> new TokenDigest(hex)).isInstanceOf(IllegalArgumentException.class);
    }
}
