package dev.accounts.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LaneCountTest {

    private final LaneCount lanes = new LaneCount(4);

    @Test
    void untimedSendsAreTakenToNeedTheWholeBudgetSoARoundGetsALanePerMessage() {
        assertThat(lanes.forRound(1, false)).isEqualTo(1);
        assertThat(lanes.forRound(3, false)).isEqualTo(3);
        assertThat(lanes.forRound(20, false)).isEqualTo(4);
    }

    @Test
    void quickSendsShareFewerLanesAsTheRoundGrows() {
        paceAt(Duration.ofMillis(5));

        assertThat(lanes.forRound(4, false)).isEqualTo(1);
        assertThat(lanes.forRound(9, false)).isEqualTo(1);
        assertThat(lanes.forRound(15, false)).isEqualTo(2);
        assertThat(lanes.forRound(40, false)).isEqualTo(4);
    }

    @Test
    void aBacklogGetsEveryLaneHoweverQuickTheSends() {
        paceAt(Duration.ofMillis(1));

        assertThat(lanes.forRound(64, true)).isEqualTo(4);
        assertThat(lanes.forRound(2, true)).isEqualTo(2);
    }

    @Test
    void slowSendsGetEveryLaneAgain() {
        paceAt(Duration.ofMillis(1));
        paceAt(Duration.ofMillis(200));

        assertThat(lanes.forRound(3, false)).isEqualTo(3);
        assertThat(lanes.forRound(5, false)).isEqualTo(4);
    }

    @Test
    void neverMoreThanTheParallelismAndAlwaysOne() {
        LaneCount single = new LaneCount(1);
        single.sent(Duration.ofSeconds(10).toNanos());

        assertThat(single.forRound(64, true)).isEqualTo(1);
        assertThat(single.forRound(64, false)).isEqualTo(1);
        assertThat(lanes.forRound(0, false)).isEqualTo(1);
        assertThatThrownBy(() -> new LaneCount(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Enough sends at one pace that the running average has all but forgotten any other. */
    private void paceAt(Duration perSend) {
        for (int i = 0; i < 100; i++) {
            lanes.sent(perSend.toNanos());
        }
    }
}
