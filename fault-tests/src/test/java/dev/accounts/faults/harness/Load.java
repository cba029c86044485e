package dev.accounts.faults.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** Bounded client load: a fixed number of requests at a fixed concurrency, or all at the same instant for races. */
public final class Load {

    private Load() {
    }

    /**
     * Runs {@code task} for 0 … {@code count}-1 on {@code concurrency} threads, each taking the next number as it
     * finishes the last, and returns the results in number order. Fails when it takes longer than {@code timeout}.
     */
    public static <T> List<T> run(int count, int concurrency, Duration timeout, IntFunction<T> task) {
        List<T> results = new ArrayList<>(Collections.nCopies(count, null));
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService workers = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> loops = new ArrayList<>();
            for (int worker = 0; worker < concurrency; worker++) {
                loops.add(workers.submit(() -> {
                    for (int number = next.getAndIncrement(); number < count; number = next.getAndIncrement()) {
                        T result = task.apply(number);
                        synchronized (results) {
                            results.set(number, result);
                        }
                    }
                }));
            }
            awaitAll(loops, timeout);
        }
        synchronized (results) {
            return List.copyOf(results);
        }
    }

    /**
     * Starts {@code count} threads that each run {@code task} with its number at the same instant (as far as a latch
     * can make them), for races, and returns the results in number order.
     */
    public static <T> List<T> together(int count, Duration timeout, IntFunction<T> task) {
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService racers = Executors.newFixedThreadPool(count)) {
            List<Future<T>> futures = new ArrayList<>();
            for (int number = 0; number < count; number++) {
                int racer = number;
                futures.add(racers.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.apply(racer);
                }));
            }
            ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            go.countDown();
            awaitAll(futures, timeout);
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.resultNow());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void awaitAll(List<? extends Future<?>> futures, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Future<?> future : futures) {
            try {
                future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                futures.forEach(f -> f.cancel(true));
                throw new AssertionError("the load did not finish within " + timeout.toSeconds() + " s");
            } catch (ExecutionException e) {
                futures.forEach(f -> f.cancel(true));
                throw new AssertionError("a load thread failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
