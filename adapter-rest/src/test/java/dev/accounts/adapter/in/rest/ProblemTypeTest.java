package dev.accounts.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ProblemTypeTest {

    @Test
    void reportsSpringsOwn400AsMalformedNeverAsAnInvalidToken() {
        assertThat(ProblemType.forStatus(HttpStatus.BAD_REQUEST)).contains(ProblemType.MALFORMED_REQUEST);
    }

    @Test
    void hasNoGenericKindForStatusesOnlyUseCasesAnswerWith() {
        assertThat(ProblemType.forStatus(HttpStatus.UNAUTHORIZED)).isEmpty();
        assertThat(ProblemType.forStatus(HttpStatus.FORBIDDEN)).isEmpty();
    }

    @Test
    void givesEveryKindItsOwnType() {
        assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::type).distinct())
                .hasSize(ProblemType.values().length);
    }
}
