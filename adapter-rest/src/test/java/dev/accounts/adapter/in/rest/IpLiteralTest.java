package dev.accounts.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "0.0.0.0", "255.255.255.255", "10.20.30.40", "::1", "::", "2001:db8::8a2e:370:7334",
            "::ffff:192.0.2.1", "FE80::1"})
    void readsAddressLiterals(String text) {
        assertThat(IpLiteral.parse(text)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "example.com", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.04",
            "1..2.3", "1.2.3.", " 1.2.3.4", "1.2.3.4 ", "١.٢.٣.٤", "１.2.3.4", "[::1]", "::1%eth0", "fe80::g", "1:2:3:4:5:6:7:8:9",
            "12345"})
    void refusesEverythingElseWithoutALookup(String text) {
        assertThat(IpLiteral.parse(text)).isEmpty();
    }
}
