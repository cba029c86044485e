package dev.accounts.bench;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Argon2id hashes per second with every core hashing: the most registrations or logins a second any service on
 * this machine can answer with these parameters, since each costs one hash.
 *
 * @param name    which implementation
 * @param threads hashing threads (one per core)
 * @param rounds  hashes per second in each measured round, to show how steady the implementation is
 */
record HashCeiling(String name, int threads, double perSecond, double[] rounds) {

    /** Runs {@code hashOnce} on {@code threads} threads: a warm-up, then {@code rounds} measured rounds of {@code round}. */
    static HashCeiling measure(String name, int threads, Duration warmUp, Duration round, int rounds, Runnable hashOnce)
            throws InterruptedException {
        spin(threads, warmUp, hashOnce);
        double[] perRound = new double[rounds];
        double total = 0;
        for (int r = 0; r < rounds; r++) {
            perRound[r] = spin(threads, round, hashOnce);
            total += perRound[r];
        }
        return new HashCeiling(name, threads, total / rounds, perRound);
    }

    /** Hashes finished, divided by the time until the last thread finished its last hash (which may end past the window). */
    private static double spin(int threads, Duration window, Runnable hashOnce) throws InterruptedException {
        AtomicLong hashes = new AtomicLong();
        CountDownLatch done = new CountDownLatch(threads);
        long start = System.nanoTime();
        long end = start + window.toNanos();
        for (int t = 0; t < threads; t++) {
            Thread.ofPlatform().name("hash-" + t).daemon().start(() -> {
                try {
                    while (System.nanoTime() < end) {
                        hashOnce.run();
                        hashes.incrementAndGet();
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        return hashes.get() / ((System.nanoTime() - start) / 1e9);
    }
}
