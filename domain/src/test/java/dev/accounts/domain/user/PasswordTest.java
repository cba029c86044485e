package dev.accounts.domain.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordTest {

    @Test
    void neverPrintsItself() {
        assertThat(Password.of("correct horse battery staple")).hasToString("Password[hidden]");
    }

    @Test
    void normalisesToNfkcSoEquivalentInputsAreOnePassword() {
        Password composed = Password.of("caf\u00e9 au lait 2024");
        Password decomposed = Password.of("cafe\u0301 au lait 2024");
        assertThat(composed).isEqualTo(decomposed);
        assertThat(Password.of("ＡＢＣ")).isEqualTo(Password.of("ABC"));
    }

    @Test
    void countsCodePointsNotUtf16Units() {
        assertThat(Password.of("😀😀😀").length()).isEqualTo(3);
    }

    @Test
    void keepsWhitespaceAndCaseAsTyped() {
        assertThat(Password.of(" Secret ").reveal()).isEqualTo(" Secret ");
        assertThat(Password.of("Secret")).isNotEqualTo(Password.of("secret"));
    }
}
