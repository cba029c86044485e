package dev.accounts.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"alice@example.com", "Alice.Smith+news@Mail.Example.org", "o'brien@example.ie",
            "x@a-b.io", "first.last@sub.domain.example", "user!#$%&*=?^_`{|}~-@example.com"})
    void acceptsPlainAddressesAsTyped(String value) {
        assertThat(new EmailAddress(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsAMissingAddress(String value) {
        assertThatThrownBy(() -> new EmailAddress(value)).hasMessage("must not be empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "alice@", "@example.com", "alice@@example.com", "alice@example",
            ".alice@example.com", "alice.@example.com", "al..ice@example.com", "alice@-example.com",
            "alice@example-.com", "alice@example..com", "alice@example.123", "alice@[127.0.0.1]",
            "\"alice\"@example.com", "Alice <alice@example.com>", "alice@example.com (home)"})
    void rejectsAnythingButOneAddrSpecWithAHostName(String value) {
        assertThatThrownBy(() -> new EmailAddress(value)).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice@example.com\r\nBcc: eve@example.com", "alice\n@example.com", "al ice@example.com",
            "alice@exa\u0000mple.com", "älice@example.com", "alice@exämple.com", "alice\t@example.com"})
    void rejectsControlCharactersWhitespaceAndNonAscii(String value) {
        assertThatThrownBy(() -> new EmailAddress(value)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void acceptsALocalPartOfSixtyFourButNotSixtyFiveCharacters() {
        String sixtyFour = "a".repeat(64);
        assertThat(new EmailAddress(sixtyFour + "@example.com").localPart()).isEqualTo(sixtyFour);
        assertThatThrownBy(() -> new EmailAddress("a" + sixtyFour + "@example.com"))
                .hasMessage("must have at most 64 characters before the @");
    }

    @Test
    void acceptsTwoHundredFiftyFourCharactersButNotTwoHundredFiftyFive() {
        String domain = "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + ".example"; // 191
        String at254 = "a".repeat(254 - domain.length() - 1) + "@" + domain;
        assertThat(at254).hasSize(254);
        assertThat(new EmailAddress(at254).value()).isEqualTo(at254);
        assertThatThrownBy(() -> new EmailAddress("a" + at254)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void isEqualIgnoringCaseButKeepsTheTypedForm() {
        EmailAddress typed = new EmailAddress("Alice@X.com");
        assertThat(typed).isEqualTo(new EmailAddress("alice@x.com")).hasSameHashCodeAs(new EmailAddress("ALICE@X.COM"));
        assertThat(typed.value()).isEqualTo("Alice@X.com");
        assertThat(typed.canonical()).isEqualTo("alice@x.com");
    }

    @Test
    void keepsPlusTagsAndDotsAsDistinctAddresses() {
        assertThat(new EmailAddress("alice+a@example.com")).isNotEqualTo(new EmailAddress("alice@example.com"));
        assertThat(new EmailAddress("a.lice@example.com")).isNotEqualTo(new EmailAddress("alice@example.com"));
    }
}
