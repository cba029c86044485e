package dev.accounts.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Closed-loop load: {@code concurrency} threads, each with its own keep-alive connection, send the next request as
 * soon as the previous answer arrived. Requests finished during the warm-up are not counted; the window after it
 * is. Latency is measured per request from just before sending to the last byte of the answer.
 */
final class LoadGenerator {

    private final InetSocketAddress address;

    LoadGenerator(InetSocketAddress address) {
        this.address = address;
    }

    /** Told when the measured window opens and closes, to sample something over exactly that window. */
    interface Window {
        /** For runs that only warm up. */
        Window NONE = new Window() {
            @Override
            public void opened() {
            }

            @Override
            public void closed() {
            }
        };

        void opened();

        void closed();
    }

    /** A run with the CPU that {@code cpu}'s process spent over the measured window. */
    LoadResult run(Workload workload, int concurrency, Duration warmUp, Duration window, CpuMeter cpu)
            throws InterruptedException {
        AtomicReference<CpuMeter.Sample> before = new AtomicReference<>();
        AtomicReference<CpuMeter.Used> used = new AtomicReference<>();
        return run(workload, concurrency, warmUp, window, new Window() {
            @Override
            public void opened() {
                before.set(cpu.sample());
            }

            @Override
            public void closed() {
                used.set(cpu.sample().minus(before.get()));
            }
        }).withCpu(used.get());
    }

    LoadResult run(Workload workload, int concurrency, Duration warmUp, Duration window, Window listener)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long measureUntil = measureFrom + window.toNanos();
        long[][] latencies = new long[concurrency][];
        int[] counts = new int[concurrency];
        AtomicLong unexpected = new AtomicLong();
        AtomicReference<String> firstProblem = new AtomicReference<>("");
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            Thread.ofPlatform().name("load-" + workload.name() + "-" + w).daemon().start(() -> {
                long[] mine = new long[1024];
                int count = 0;
                try (HttpConnection connection = new HttpConnection(address)) {
                    for (long n = 0; System.nanoTime() < measureUntil; n++) {
                        byte[] request = workload.request(worker, n);
                        long sent = System.nanoTime();
                        boolean ok;
                        try {
                            HttpConnection.Response response = connection.exchange(request);
                            ok = response.status() == workload.expectedStatus();
                            if (ok) {
                                workload.succeeded(response, worker, n);
                            } else {
                                firstProblem.compareAndSet("", response.status() + " " + abbreviated(response.body()));
                            }
                        } catch (IOException e) {
                            ok = false;
                            firstProblem.compareAndSet("", e.toString());
                            connection.close();
                        }
                        long finished = System.nanoTime();
                        if (finished < measureFrom || finished > measureUntil) {
                            continue;
                        }
                        if (!ok) {
                            unexpected.incrementAndGet();
                            continue;
                        }
                        if (count == mine.length) {
                            mine = Arrays.copyOf(mine, count * 2);
                        }
                        mine[count++] = finished - sent;
                    }
                } finally {
                    latencies[worker] = mine;
                    counts[worker] = count;
                    done.countDown();
                }
            });
        }
        sleepUntil(measureFrom);
        listener.opened();
        sleepUntil(measureUntil);
        listener.closed();
        done.await();
        long[] all = merge(latencies, counts);
        Arrays.sort(all);
        double seconds = window.toNanos() / 1e9;
        return new LoadResult(workload.name(), concurrency, seconds, all.length, unexpected.get(), all.length / seconds,
                millis(percentile(all, 0.50)), millis(percentile(all, 0.99)),
                millis(all.length == 0 ? 0 : all[all.length - 1]), 0, 0, 0, 0, 0, 0, firstProblem.get());
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            Thread.sleep(Duration.ofNanos(left));
        }
    }

    private static long[] merge(long[][] latencies, int[] counts) {
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int w = 0; w < latencies.length; w++) {
            System.arraycopy(latencies[w], 0, all, at, counts[w]);
            at += counts[w];
        }
        return all;
    }

    /** Nearest-rank percentile of sorted values; 0 when there are none. */
    static long percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static String abbreviated(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
