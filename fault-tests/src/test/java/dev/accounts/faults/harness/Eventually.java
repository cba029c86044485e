package dev.accounts.faults.harness;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for something the service does in the background, polling, within a bound. */
public final class Eventually {

    private static final Duration POLL = Duration.ofMillis(100);

    private Eventually() {
    }

    /**
     * Returns how long it took {@code condition} to hold; fails the scenario when it does not within {@code timeout}.
     *
     * @param state described in the failure message, e.g. the current counts
     */
    public static Duration await(Duration timeout, String what, BooleanSupplier condition, Supplier<String> state) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what + " (now: " + state.get() + ")");
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what, e);
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
