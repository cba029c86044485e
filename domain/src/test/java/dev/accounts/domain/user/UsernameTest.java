package dev.accounts.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UsernameTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "Alice", "bob_smith", "x-y-z", "A1234567890123456789012345678901"})
    void acceptsThreeToThirtyTwoLettersDigitsUnderscoresAndHyphens(String value) {
        assertThat(new Username(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsAMissingName(String value) {
        assertThatThrownBy(() -> new Username(value)).isInstanceOf(InvalidValueException.class).hasMessage("must not be empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "A12345678901234567890123456789012"})
    void rejectsNamesOutsideThreeToThirtyTwoCharacters(String value) {
        assertThatThrownBy(() -> new Username(value)).hasMessage("must be 3 to 32 characters long");
    }

    @ParameterizedTest
    @ValueSource(strings = {"al ice", "alice!", "al.ice", "ålice", "alice\n", "bob\u0000", "ab😀"})
    void rejectsCharactersOutsideTheAllowedSet(String value) {
        assertThatThrownBy(() -> new Username(value)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void isEqualIgnoringCaseButKeepsTheTypedForm() {
        Username typed = new Username("Alice");
        assertThat(typed).isEqualTo(new Username("aLICE")).hasSameHashCodeAs(new Username("alice"));
        assertThat(typed.value()).isEqualTo("Alice");
        assertThat(typed.canonical()).isEqualTo("alice");
        assertThat(typed).isNotEqualTo(new Username("Alicia"));
    }

    @Test
    void doesNotEchoTheRejectedValue() {
        assertThatThrownBy(() -> new Username("secret value!")).message().doesNotContain("secret");
    }
}
