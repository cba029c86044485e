package dev.accounts.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

class BearerCredentialsTest {

    @ParameterizedTest
    @CsvSource(delimiterString = "|", value = {"Bearer abc|abc", "bearer abc|abc", "BEARER  abc|abc", "  Bearer abc  |abc",
            "Bearer a.b-c_d~+/=|a.b-c_d~+/="})
    void readsTheTokenOfOneBearerHeader(String header, String token) {
        assertThat(BearerCredentials.tokenOf(requestWith(header))).contains(token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearerabc", "Bearer\tabc", "Bearer two words", "Bearer a\tb", "Basic abc",
            "Bear abc", ""})
    void refusesAnythingElse(String header) {
        assertThat(BearerCredentials.tokenOf(requestWith(header))).isEmpty();
    }

    private static MockHttpServletRequest requestWith(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/users/me");
        request.addHeader("Authorization", authorization);
        return request;
    }
}
