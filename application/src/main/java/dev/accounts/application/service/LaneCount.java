package dev.accounts.application.service;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many lanes a delivery round gets. A full batch means a backlog: every lane the parallelism allows. Otherwise
 * as many as its messages need to be sent within {@link #ONE_LANE_BUDGET} at the pace sends have lately taken,
 * between one and the parallelism. Each lane but the caller's costs the round a thread hand-off at its start and its
 * end, and the lanes take turns at the acceptance gate; a round that one lane sends within the budget goes out about
 * as soon without them. The budget is as long as the worker's default gather window (50 ms): a mail that waited
 * that long to be gathered waits at most about as long again.
 *
 * <p>Under a stream of registrations a round holds the few welcome mails of one gather window (3–4 at the benchmark's
 * 60–70 registrations a second). With both cores hashing, a send takes several milliseconds from start to record,
 * mostly waiting to be scheduled: a budget of 20 ms still gave those rounds two lanes or more, which cannot speed up
 * sends that wait for a core. With 50 ms they go out from the worker's thread alone (perf: the mail-sender threads
 * idle). In perf samples of the benchmark's registrations at 4 clients the service's CPU beside the hash was 4.4 % of
 * the machine's with four lanes, 4.0 % with one ({@code ACCOUNTS_MAIL_SEND_PARALLELISM=1}) and 4.25 % with this rule;
 * one run differs from the next by about as much (README, Performance). A slow server still gets every lane it can
 * use: at 200 ms a message, a round of three gets three.
 *
 * <p>Until sends have been timed, each is taken to need the whole budget, so a first round of several messages
 * gets as many lanes as it did before any were timed. Thread-safe: lanes report concurrently.
 */
final class LaneCount {

    static final Duration ONE_LANE_BUDGET = Duration.ofMillis(50);
    /** The weight of the newest send in the running average: it follows a change of pace within a round or two. */
    private static final int SMOOTHING = 8;

    private final int parallelism;
    private final AtomicLong averageSendNanos = new AtomicLong(ONE_LANE_BUDGET.toNanos());

    LaneCount(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        this.parallelism = parallelism;
    }

    /**
     * The lanes for a round of {@code messages}: at least one, at most the parallelism and one per message.
     *
     * @param backlog whether the round claimed a full batch, so that more mail is waiting behind it
     */
    int forRound(int messages, boolean backlog) {
        int most = Math.min(parallelism, messages);
        if (most <= 1 || backlog) {
            return Math.max(most, 1);
        }
        long needed = Math.ceilDiv(messages * averageSendNanos.get(), ONE_LANE_BUDGET.toNanos());
        return (int) Math.clamp(needed, 1, most);
    }

    /** Takes the time one send took, from the lane's start of it to its recorded outcome. */
    void sent(long nanos) {
        long sample = Math.max(0, nanos);
        averageSendNanos.accumulateAndGet(sample, (average, next) -> average + (next - average) / SMOOTHING);
    }
}
