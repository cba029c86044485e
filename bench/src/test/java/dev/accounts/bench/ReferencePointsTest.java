package dev.accounts.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The yardsticks run for real (the sink, a server process of their own); the scaling is plain arithmetic. */
class ReferencePointsTest {

    @Test
    void simpleJavaMailAloneDeliversEveryMessageToTheSink() throws Exception {
        try (SmtpSink sink = SmtpSink.start()) {
            double perSecond = ReferencePoints.simpleJavaMailAlone(sink.port(), 3, 5, 23);

            assertThat(sink.received()).isEqualTo(28);
            assertThat(perSecond).isPositive();
        }
    }

    @Test
    void theTrivialEndpointAnswersFromItsOwnProcess() throws Exception {
        LoadResult result = ReferencePoints.trivialJsonEndpoint(List.of("-Xmx64m"), 2, Duration.ofMillis(200),
                Duration.ofMillis(500), Duration.ZERO);

        assertThat(result.ok()).isPositive();
        assertThat(result.unexpected()).isZero();
        assertThat(result.jvmCpuMsPerRequest()).isPositive();
    }

    @Test
    void requestsScaleByTheLargerOfTheHttpAndTheDatabaseRatio() {
        LoadResult trivial = new LoadResult("trivial-json", 64, 10, 150_000, 0, 15_000, 1, 5, 9, 0.07, 0, 0, 0, 0, 0, "");
        BenchReport.References references = new BenchReport.References(trivial, 20_000, 1_500);

        assertThat(references.trivialJsonRatio()).isEqualTo(1.0 / 3);
        assertThat(references.requestScale()).isEqualTo(2.0 / 3);
        assertThat(references.mailScale()).isEqualTo(0.5);
    }
}
