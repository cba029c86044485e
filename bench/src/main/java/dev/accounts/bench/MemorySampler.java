package dev.accounts.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples a process's resident memory ({@code VmRSS} in {@code /proc/<pid>/status}) every 200 ms while armed, and
 * keeps the largest sample; {@code VmHWM} is the kernel's own high-water mark over the whole life of the process.
 */
final class MemorySampler implements AutoCloseable {

    private final Path status;
    private final AtomicBoolean armed = new AtomicBoolean();
    private final AtomicLong peakRssKiB = new AtomicLong();
    private volatile boolean running = true;

    MemorySampler(long pid) {
        this.status = Path.of("/proc", Long.toString(pid), "status");
        Thread.ofPlatform().daemon().name("rss-sampler").start(this::sample);
    }

    void arm() {
        armed.set(true);
    }

    void disarm() {
        armed.set(false);
    }

    /** Largest VmRSS seen while armed, in KiB. */
    long peakRssKiB() {
        return peakRssKiB.get();
    }

    long highWaterMarkKiB() {
        return field("VmHWM:");
    }

    long rssKiB() {
        return field("VmRSS:");
    }

    private void sample() {
        while (running) {
            if (armed.get()) {
                long rss = field("VmRSS:");
                peakRssKiB.accumulateAndGet(rss, Math::max);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private long field(String name) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process is gone
        }
        return 0;
    }

    @Override
    public void close() {
        running = false;
    }
}
