package dev.accounts.adapter.out.mail;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The write time-outs of every SMTP connection of a sender, watched by one thread that looks for an overdue write
 * every {@link #CHECK_EVERY}. Angus Mail enforces {@code mail.smtp.writetimeout} by scheduling a task before each
 * write to the socket and cancelling it after; left to itself it gives each connection a
 * {@code ScheduledThreadPoolExecutor} of its own, and as each task becomes the head of that executor's empty queue,
 * every write wakes its thread: five wake-ups a message (MAIL, RCPT, DATA, the data, its end), a sixth of the context
 * switches a registration caused in the service. Here a write costs an entry in a concurrent set, and the thread
 * wakes on its own schedule.
 *
 * <p>A time-out fires up to one period late. It is there so that a server that stops reading cannot hold a lane
 * forever, and its task (Angus', which closes the socket) ends the blocked write the same way either way.
 *
 * <p>Handed to Angus as {@code mail.<protocol>.executor.writetimeout}. Angus only schedules single tasks with it and
 * cancels them, and never shuts down an executor it was given; {@link MimeMailSender#close()} does, after the
 * connections are closed.
 */
final class WriteTimeouts extends AbstractExecutorService implements ScheduledExecutorService {

    static final Duration CHECK_EVERY = Duration.ofMillis(500);

    private final Set<Deadline<?>> pending = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("smtp-write-timeouts").factory());

    WriteTimeouts() {
        this(CHECK_EVERY);
    }

    WriteTimeouts(Duration checkEvery) {
        long period = checkEvery.toNanos();
        watcher.scheduleWithFixedDelay(this::fireOverdue, period, period, TimeUnit.NANOSECONDS);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> task, long delay, TimeUnit unit) {
        Objects.requireNonNull(task, "task");
        if (watcher.isShutdown()) {
            throw new RejectedExecutionException("the SMTP write time-outs are shut down");
        }
        Deadline<V> deadline = new Deadline<>(task, System.nanoTime() + unit.toNanos(delay));
        pending.add(deadline);
        return deadline;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        return schedule(Executors.callable(task), delay, unit);
    }

    /** Writes in flight, each with its time-out. */
    int pending() {
        return pending.size();
    }

    private void fireOverdue() {
        long now = System.nanoTime();
        for (Deadline<?> deadline : pending) {
            if (now - deadline.dueNanos >= 0 && pending.remove(deadline)) {
                deadline.run();
            }
        }
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("only single time-outs are scheduled here");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("only single time-outs are scheduled here");
    }

    @Override
    public void execute(Runnable task) {
        throw new UnsupportedOperationException("only single time-outs are scheduled here");
    }

    /** Stops watching; a write that starts afterwards is refused, which Angus reports as a failed write. */
    @Override
    public void shutdown() {
        watcher.shutdown();
        pending.clear();
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown();
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return watcher.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return watcher.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return watcher.awaitTermination(timeout, unit);
    }

    /** One write's time-out: runs its task once due, unless the write ended first and cancelled it. */
    private final class Deadline<V> extends FutureTask<V> implements ScheduledFuture<V> {

        private final long dueNanos;

        Deadline(Callable<V> task, long dueNanos) {
            super(task);
            this.dueNanos = dueNanos;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            pending.remove(this);
            // Never interrupts: the only thread that runs a time-out is the watcher, and it has others to watch.
            return super.cancel(false);
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}
