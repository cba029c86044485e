package dev.accounts.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"0f8fad5b-d9cb-469f-a165-70867728950e", "Root=1-67891233-abcdef012345678912345678",
            "lb.trace_42:7", "dGVzdA+/=="})
    void keepsAShortIdOfSafeCharacters(String offered) {
        assertThat(RequestIds.acceptOrGenerate(offered)).isEqualTo(offered);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two words", "line\r\nForged: header", "tab\there", "quote\"d", "<script>", "caf\u00e9",
            "nul\u0000", "%0D%0A"})
    void replacesAnIdWithAnyOtherCharacter(String offered) {
        assertThat(RequestIds.acceptOrGenerate(offered)).isNotEqualTo(offered).satisfies(RequestIdsTest::isUuid);
    }

    @Test
    void replacesAnIdLongerThanSixtyFourCharacters() {
        assertThat(RequestIds.acceptOrGenerate("a".repeat(64))).isEqualTo("a".repeat(64));
        assertThat(RequestIds.acceptOrGenerate("a".repeat(65))).satisfies(RequestIdsTest::isUuid);
        assertThat(RequestIds.acceptOrGenerate("a".repeat(10_000))).satisfies(RequestIdsTest::isUuid);
    }

    @Test
    void generatesADifferentIdForEachRequestWithoutOne() {
        String first = RequestIds.acceptOrGenerate(null);
        String second = RequestIds.acceptOrGenerate(null);

        assertThat(first).satisfies(RequestIdsTest::isUuid);
        assertThat(second).satisfies(RequestIdsTest::isUuid).isNotEqualTo(first);
    }

    @Test
    void generatesVersionFourUuidsOfTheIetfVariant() {
        for (int i = 0; i < 1_000; i++) {
            UUID id = UUID.fromString(RequestIds.randomUuid());
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
        }
    }

    private static void isUuid(String id) {
        assertThat(UUID.fromString(id)).hasToString(id);
    }
}
