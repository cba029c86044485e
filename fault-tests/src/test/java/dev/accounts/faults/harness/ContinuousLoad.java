package dev.accounts.faults.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Requests sent back to back by a fixed number of clients until told to stop, for faults that strike while
 * requests are in flight. Each request gets the next number; every attempt is kept with the moment it was sent.
 */
public final class ContinuousLoad implements AutoCloseable {

    /** One request: its number, when it was sent ({@link System#nanoTime()}), and how it ended. */
    public record Attempt(int number, long sentAt, Answer answer) {
    }

    private final ExecutorService clients;
    private final List<Attempt> attempts = new ArrayList<>();
    private volatile boolean stopping;

    private ContinuousLoad(int concurrency, AtomicInteger numbers, IntFunction<Answer> request) {
        clients = Executors.newFixedThreadPool(concurrency);
        for (int client = 0; client < concurrency; client++) {
            clients.submit(() -> {
                while (!stopping) {
                    int number = numbers.getAndIncrement();
                    long sentAt = System.nanoTime();
                    Answer answer = request.apply(number);
                    synchronized (attempts) {
                        attempts.add(new Attempt(number, sentAt, answer));
                    }
                }
            });
        }
    }

    /**
     * Starts {@code concurrency} clients, each sending {@code request} with the next number from {@code numbers}
     * (shared, so loads on several instances never repeat a number).
     */
    public static ContinuousLoad start(int concurrency, AtomicInteger numbers, IntFunction<Answer> request) {
        return new ContinuousLoad(concurrency, numbers, request);
    }

    /** How many requests so far ended in an answer that matches. */
    public long count(Predicate<Answer> matching) {
        synchronized (attempts) {
            return attempts.stream().map(Attempt::answer).filter(matching).count();
        }
    }

    /** No request is sent after this; those in flight go on. */
    public void stopSending() {
        stopping = true;
    }

    /** Stops sending, waits for the requests in flight to end, and returns every attempt. */
    public List<Attempt> finish(Duration timeout) {
        stopSending();
        clients.shutdown();
        try {
            if (!clients.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                clients.shutdownNow();
                throw new AssertionError("requests in flight did not end within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    /** Stops the clients without waiting, for a scenario that failed before {@link #finish(Duration)}. */
    @Override
    public void close() {
        stopSending();
        clients.shutdownNow();
    }
}
