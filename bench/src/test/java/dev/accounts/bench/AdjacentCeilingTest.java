package dev.accounts.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdjacentCeilingTest {

    @Test
    void setsEachTurnAgainstTheCeilingsOnEitherSideOfIt() {
        BenchReport.AdjacentCeiling adjacent = new BenchReport.AdjacentCeiling("register", 4, 2,
                List.of(80.0, 60.0, 70.0, 90.0), List.of(turn(63, 25, 28), turn(65, 25, 28), turn(72, 25, 28)));

        assertThat(adjacent.ceilingAround(0)).isEqualTo(70);
        assertThat(adjacent.ceilingAround(2)).isEqualTo(80);
        assertThat(adjacent.turnRatios()).isEqualTo("0.90, 1.00, 0.90");
        assertThat(adjacent.workloadPerSecond()).isCloseTo(200 / 3.0, within(1e-9));
        assertThat(adjacent.perSecond()).isCloseTo(215 / 3.0, within(1e-9));
        assertThat(adjacent.ratio()).isCloseTo(200 / 215.0, within(1e-9));
    }

    @Test
    void splitsATurnsRatioIntoTheHashsShareAndItsSpeedAgainstTheCeiling() {
        // 80 hashes/s on 2 cores: 25 ms of CPU a hash. The service hashed in 25 ms of 27.5 ms a request, and its
        // 72.7 requests/s kept both cores busy (2,000 ms / 27.5 ms).
        BenchReport.AdjacentCeiling asFast = new BenchReport.AdjacentCeiling("register", 4, 2,
                List.of(80.0, 80.0), List.of(turn(2000 / 27.5, 25, 27.5)));
        // The same work beside the hash, but the hash 25 % slower than the ceiling's.
        BenchReport.AdjacentCeiling slower = new BenchReport.AdjacentCeiling("register", 4, 2,
                List.of(80.0, 80.0), List.of(turn(2000 / 33.75, 31.25, 33.75)));

        assertThat(asFast.hashShare(0)).isCloseTo(25 / 27.5, within(1e-9));
        assertThat(asFast.hashSpeed(0)).isCloseTo(1, within(1e-9));
        assertThat(asFast.turnRatio(0)).isCloseTo(asFast.hashShare(0) * asFast.hashSpeed(0), within(1e-9));
        assertThat(slower.hashSpeed(0)).isCloseTo(0.8, within(1e-9));
        assertThat(slower.turnRatio(0)).isCloseTo(slower.hashShare(0) * slower.hashSpeed(0), within(1e-9));
        assertThat(slower.perTurn(slower::hashShare, 3)).isEqualTo("0.926");
    }

    @Test
    void needsACeilingOnEitherSideOfEveryTurn() {
        assertThatThrownBy(() -> new BenchReport.AdjacentCeiling("login", 4, 2, List.of(80.0, 60.0),
                List.of(turn(63, 25, 28), turn(65, 25, 28)))).isInstanceOf(IllegalArgumentException.class);
    }

    private static LoadResult turn(double perSecond, double hashMs, double machineMs) {
        return new LoadResult("register", 4, 10, Math.round(perSecond * 10), 0, perSecond, 50, 80, 90, hashMs + 1.5,
                1.2, 0, hashMs, 0.2, machineMs, "");
    }
}
