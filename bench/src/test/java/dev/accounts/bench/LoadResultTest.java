package dev.accounts.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoadResultTest {

    @Test
    void twoTurnsMakeOneResultWithRatesAndCpuWeightedByRequests() {
        LoadResult first = new LoadResult("register", 4, 10, 300, 0, 30, 50, 80, 90, 25, 1.2, 0.1, 24, 0.2, 27, "");
        LoadResult second = new LoadResult("register", 4, 10, 100, 0, 10, 40, 60, 120, 21, 0.8, 0.0, 20, 0.1, 23, "");

        LoadResult both = LoadResult.meanOf(first, second);

        assertThat(both.seconds()).isEqualTo(20);
        assertThat(both.ok()).isEqualTo(400);
        assertThat(both.perSecond()).isEqualTo(20);
        assertThat(both.p50Millis()).isEqualTo(45);
        assertThat(both.p99Millis()).isEqualTo(70);
        assertThat(both.maxMillis()).isEqualTo(120);
        assertThat(both.jvmCpuMsPerRequest()).isCloseTo(24, within(1e-9));
        assertThat(both.hashCpuMsPerRequest()).isCloseTo(23, within(1e-9));
        assertThat(both.machineCpuMsPerRequest()).isCloseTo(26, within(1e-9));
    }

    @Test
    void threeTurnsWeighEachTurnsPercentilesAlike() {
        LoadResult first = new LoadResult("register", 4, 10, 300, 0, 30, 30, 60, 90, 25, 1.2, 0.1, 24, 0.2, 27, "");
        LoadResult second = new LoadResult("register", 4, 10, 200, 0, 20, 60, 90, 95, 25, 1.2, 0.1, 24, 0.2, 27, "");
        LoadResult third = new LoadResult("register", 4, 10, 100, 0, 10, 90, 120, 99, 19, 0.6, 0.1, 18, 0.2, 21, "");

        LoadResult all = LoadResult.meanOf(List.of(first, second, third));

        assertThat(all.seconds()).isEqualTo(30);
        assertThat(all.perSecond()).isEqualTo(20);
        assertThat(all.p50Millis()).isCloseTo(60, within(1e-9));
        assertThat(all.p99Millis()).isCloseTo(90, within(1e-9));
        assertThat(all.maxMillis()).isEqualTo(99);
        assertThat(all.jvmCpuMsPerRequest()).isCloseTo(24, within(1e-9));
        assertThat(all.pgCpuMsPerRequest()).isCloseTo(1.1, within(1e-9));
    }

    @Test
    void keepsTheFirstProblemOfEitherTurn() {
        LoadResult clean = new LoadResult("register", 4, 10, 100, 0, 10, 40, 60, 70, 1, 1, 0, 0, 0, 1, "");
        LoadResult failing = new LoadResult("register", 4, 10, 99, 1, 10, 40, 60, 70, 1, 1, 0, 0, 0, 1, "500 oops");

        assertThat(LoadResult.meanOf(clean, failing).firstProblem()).isEqualTo("500 oops");
        assertThat(LoadResult.meanOf(clean, failing).unexpected()).isEqualTo(1);
    }
}
