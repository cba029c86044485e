package dev.accounts.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

    @Test
    void takesNearestRankPercentiles() {
        long[] sorted = new long[100];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i + 1;
        }

        assertThat(LoadGenerator.percentile(sorted, 0.50)).isEqualTo(50);
        assertThat(LoadGenerator.percentile(sorted, 0.99)).isEqualTo(99);
        assertThat(LoadGenerator.percentile(new long[] {7}, 0.99)).isEqualTo(7);
        assertThat(LoadGenerator.percentile(new long[0], 0.5)).isZero();
    }
}
