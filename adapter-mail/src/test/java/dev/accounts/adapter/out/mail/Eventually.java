package dev.accounts.adapter.out.mail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition that another thread makes true, failing the test if it does not within the time given. */
final class Eventually {

    private Eventually() {
    }

    static void within(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toMillis() + " ms: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what, e);
            }
        }
    }
}
