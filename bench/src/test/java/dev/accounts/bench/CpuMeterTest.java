package dev.accounts.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuMeterTest {

    @Test
    void countsAWindowThreadByThreadSoThatAThreadEndingInItTakesNothingAway() {
        // Thread 7 ended in the window (an idle hasher thread times out); 9 started in it; 8 ran throughout.
        CpuMeter.Sample before = new CpuMeter.Sample(1_000, 500, Map.of(), Map.of(7L, 400L, 8L, 100L), 50, 2_000);
        CpuMeter.Sample after = new CpuMeter.Sample(1_900, 600, Map.of(), Map.of(8L, 130L, 9L, 20L), 80, 3_100);

        CpuMeter.Used used = after.minus(before);

        assertThat(used.jvmMillis()).isEqualTo(900);
        assertThat(used.postgresMillis()).isEqualTo(100);
        assertThat(used.hashMillis()).isEqualTo((30 + 20) * 10.0);
        assertThat(used.jitMillis()).isZero();
        assertThat(used.benchMillis()).isEqualTo(30);
        assertThat(used.machineMillis()).isEqualTo(1_100);
    }

    @Test
    void countsTheMachineBusyWithoutIdleIowaitStealOrGuestTime() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        String line = "cpu  100 2 30 5000 40 5 7 60 9 0";

        assertThat(CpuMeter.busyTicks(line)).isEqualTo(100 + 2 + 30 + 5 + 7);
    }

    @Test
    void readsThisMachinesBusyTime() {
        assertThat(CpuMeter.machineBusyMillis()).isPositive();
    }
}
