package dev.accounts.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchmarkTest {

    @Test
    void countsTheJitAsSettledOnlyBelowThreePercentOfACoreAndNeverOnANegativeShare() {
        assertThat(Benchmark.jitSettled(0.0)).isTrue();
        assertThat(Benchmark.jitSettled(0.029)).isTrue();
        assertThat(Benchmark.jitSettled(0.03)).isFalse();
        assertThat(Benchmark.jitSettled(0.2)).isFalse();
        // A compiler thread that ended in the round took its time along: the share says nothing.
        assertThat(Benchmark.jitSettled(-0.01)).isFalse();
    }
}
