package dev.accounts.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void escapesLineBreaksAndControlCharacters() {
        assertThat(LogSafe.escape("a\r\nb\u0000c\u2028d")).isEqualTo("a\\r\\nb\\u0000c\\u2028d");
    }

    @Test
    void shortensVeryLongInput() {
        assertThat(LogSafe.escape("x".repeat(10_000))).hasSize(256 + 3).endsWith("...");
    }

    @Test
    void printsNullAsNull() {
        assertThat(LogSafe.escape(null)).isEqualTo("null");
    }
}
