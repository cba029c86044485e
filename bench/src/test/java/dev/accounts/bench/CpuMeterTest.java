package dev.accounts.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuMeterTest {

    @Test
    void countsAWindowThreadByThreadSoThatAThreadEndingInItTakesNothingAway() {
        // Thread 7 ended in the window (an idle hasher thread times out); 9 started in it; 8 ran throughout.
        CpuMeter.Sample before = new CpuMeter.Sample(1_000, 500, Map.of(), Map.of(7L, 400L, 8L, 100L));
        CpuMeter.Sample after = new CpuMeter.Sample(1_900, 600, Map.of(), Map.of(8L, 130L, 9L, 20L));

        CpuMeter.Used used = after.minus(before);

        assertThat(used.jvmMillis()).isEqualTo(900);
        assertThat(used.postgresMillis()).isEqualTo(100);
        assertThat(used.hashMillis()).isEqualTo((30 + 20) * 10.0);
        assertThat(used.jitMillis()).isZero();
    }
}
