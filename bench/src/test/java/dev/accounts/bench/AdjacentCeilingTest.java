package dev.accounts.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdjacentCeilingTest {

    @Test
    void setsEachTurnAgainstTheCeilingsOnEitherSideOfIt() {
        BenchReport.AdjacentCeiling adjacent = new BenchReport.AdjacentCeiling("register", 4,
                List.of(80.0, 60.0, 70.0, 90.0), List.of(63.0, 65.0, 72.0));

        assertThat(adjacent.ceilingAround(0)).isEqualTo(70);
        assertThat(adjacent.ceilingAround(2)).isEqualTo(80);
        assertThat(adjacent.turnRatios()).isEqualTo("0.90, 1.00, 0.90");
        assertThat(adjacent.workloadPerSecond()).isCloseTo(200 / 3.0, within(1e-9));
        assertThat(adjacent.perSecond()).isCloseTo(215 / 3.0, within(1e-9));
        assertThat(adjacent.ratio()).isCloseTo(200 / 215.0, within(1e-9));
    }

    @Test
    void needsACeilingOnEitherSideOfEveryTurn() {
        assertThatThrownBy(() -> new BenchReport.AdjacentCeiling("login", 4, List.of(80.0, 60.0), List.of(63.0, 65.0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
