package dev.accounts.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlightRecorderTest {

    @Test
    void recordsABusyJvmWithCpuTimeSamplesFromJdk25On(@TempDir Path directory) throws Exception {
        Path busy = Files.writeString(directory.resolve("Busy.java"), """
                class Busy {
                    public static void main(String[] a) {
                        long x = 0;
                        while (x != -1) {
                            x += System.nanoTime() % 7;
                        }
                    }
                }
                """);
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                busy.toString()).redirectErrorStream(true).start();
        try {
            // The JVM answers jcmd once it is up; a source launch takes a second or two to get there.
            for (int attempt = 0; attempt < 60 && Jcmd.run(jvm.pid(), "VM.version").isEmpty(); attempt++) {
                TimeUnit.MILLISECONDS.sleep(250);
            }
            FlightRecorder recorder = new FlightRecorder(jvm.pid(), directory.resolve("jfr"));

            recorder.start();
            TimeUnit.SECONDS.sleep(2);
            Path recording = recorder.stop("busy");

            assertThat(recording).exists();
            long cpuTimeSamples = count(recording, "jdk.CPUTimeSample");
            if (Runtime.version().feature() >= 25) {
                assertThat(cpuTimeSamples).isGreaterThan(100); // one a millisecond of CPU: about 2,000 here
            } else {
                assertThat(cpuTimeSamples).isZero();
            }
            assertThat(count(recording, "jdk.ExecutionSample")).isPositive();
        } finally {
            jvm.destroyForcibly().waitFor();
        }
    }

    private static long count(Path recording, String eventType) throws Exception {
        return RecordingFile.readAllEvents(recording).stream()
                .map(RecordedEvent::getEventType)
                .filter(type -> type.getName().equals(eventType))
                .count();
    }
}
