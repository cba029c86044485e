package dev.accounts.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoggedTextTest {

    @Test
    void leavesAddressesAsTheyAre() {
        assertThat(LoggedText.escaped("203.0.113.7", 100)).isEqualTo("203.0.113.7");
        assertThat(LoggedText.escaped("[2001:db8::1%eth0]:443", 100)).isEqualTo("[2001:db8::1%eth0]:443");
    }

    @Test
    void turnsLineBreaksIntoVisibleEscapesSoNoLineCanBeForged() {
        assertThat(LoggedText.escaped("1.2.3.4\r\naudit action=LOGIN", 100))
                .isEqualTo("1.2.3.4\\r\\naudit\\u0020action=LOGIN");
    }

    @Test
    void escapesSpacesSoNoFieldCanBeForged() {
        assertThat(LoggedText.escaped("1.2.3.4 outcome=SUCCESS", 100)).isEqualTo("1.2.3.4\\u0020outcome=SUCCESS");
    }

    @Test
    void escapesControlAndNonAsciiCharacters() {
        assertThat(LoggedText.escaped("a\u0000b\tc\u007fd\u2028e\u202ef", 100))
                .isEqualTo("a\\u0000b\\tc\\u007fd\\u2028e\\u202ef");
    }

    @Test
    void doublesBackslashesSoAnEscapeInTheInputCannotPassForOneMadeHere() {
        assertThat(LoggedText.escaped("a\\nb", 100)).isEqualTo("a\\\\nb");
    }

    @Test
    void cutsAtTheMaximumLengthButNeverInsideAnEscape() {
        assertThat(LoggedText.escaped("abcdefgh", 5)).isEqualTo("abcde");
        assertThat(LoggedText.escaped("abc\ndef", 4)).isEqualTo("abc");
        assertThat(LoggedText.escaped("ab\u0001", 7)).isEqualTo("ab");
    }
}
