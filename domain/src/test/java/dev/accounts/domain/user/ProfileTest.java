package dev.accounts.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileTest {

    @Test
    void acceptsAbsentPartsAndTextUpToTheLimits() {
        assertThat(Profile.EMPTY.fullName()).isNull();
        Profile full = new Profile("Ä".repeat(100), "😀".repeat(500));
        assertThat(full.fullName()).hasSize(100);
    }

    @Test
    void rejectsTextOverTheLimitsCountedInCodePoints() {
        assertThatThrownBy(() -> new Profile("x".repeat(101), null)).hasMessage("must be at most 100 characters long");
        assertThatThrownBy(() -> new Profile(null, "😀".repeat(501))).hasMessage("must be at most 500 characters long");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Alice\nLiddell", "Alice\rLiddell", "Alice\u0000", "tab\there", "bell\u0007", "line\u2028sep",
            "esc\u001b[31m", "del\u007f", "c1\u0085"})
    void rejectsControlCharactersAndLineBreaks(String text) {
        assertThatThrownBy(() -> new Profile(text, null)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Profile(null, text)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void acceptsLettersMarksAndEmoji() {
        assertThat(new Profile("Zoë Ålänð-O'Brien", "Likes tea ☕ and cafe\u0301s").bio()).contains("☕");
    }
}
