package dev.accounts.application.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/** Runs calls on threads of their own, released at the same moment: the closest a test gets to "at once". */
final class Concurrently {

    private static final long TIME_LIMIT_SECONDS = 30;

    private Concurrently() {
    }

    /** Runs {@code call.apply(i)} for each i below {@code threads}, each on its own thread; outcomes in i order. */
    static <T> List<Outcome<T>> run(int threads, IntFunction<Callable<T>> call) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<T> one = call.apply(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return one.call();
                }));
            }
            ready.await();
            go.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<T> future : futures) {
                outcomes.add(Outcome.of(future));
            }
            return outcomes;
        } finally {
            // A call that hangs (a lost wake-up, a lock never released) must fail the test, not the build.
            pool.shutdownNow();
        }
    }

    /** What one call returned, or what it threw. */
    record Outcome<T>(T value, Throwable failure) {

        private static <T> Outcome<T> of(Future<T> future) throws InterruptedException {
            try {
                return new Outcome<>(future.get(TIME_LIMIT_SECONDS, TimeUnit.SECONDS), null);
            } catch (ExecutionException e) {
                return new Outcome<>(null, e.getCause());
            } catch (TimeoutException e) {
                throw new AssertionError("a concurrent call did not end within " + TIME_LIMIT_SECONDS + " s", e);
            }
        }

        boolean succeeded() {
            return failure == null;
        }
    }
}
