package fr.mutualis.kit.query;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Read-your-writes for the writes whose result the caller uses straight away. Projections follow the event store
 * asynchronously (a few milliseconds behind), and later requests are authorised against them: a client that creates
 * an instance and schedules its first séance in the next request must not get a 404. Such a write answers only once
 * its result is visible, or after the timeout: the write itself is already durable either way.
 * <p>
 * A waiting write looks again as soon as a read model of this process commits ({@link #projectionsAdvanced()}, called
 * by the kit after every event processor's batch and every integration event a Kafka consumer applied), not at its
 * next poll: polling alone made a command wait for the end of a pause that had started before its projection
 * committed, and looked uselessly many times under load. The growing pause stays as the fallback for read models
 * another instance feeds.
 */
public final class ReadYourWrites {

    /** Long enough to cover a projection's usual delay under load, short enough never to hold a client for long. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private static final Duration FIRST_PAUSE = Duration.ofMillis(2);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(50);

    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final Condition ADVANCED = LOCK.newCondition();
    /** How many commits of projections this process has seen; guarded by {@link #LOCK}. */
    private static long generation;

    private ReadYourWrites() {
    }

    public static <T> Optional<T> awaitVisible(Supplier<Optional<T>> lookup) {
        return awaitVisible(lookup, DEFAULT_TIMEOUT);
    }

    public static <T> Optional<T> awaitVisible(Supplier<Optional<T>> lookup, Duration timeout) {
        return awaitVisible(lookup, timeout, FIRST_PAUSE, LONGEST_PAUSE);
    }

    static <T> Optional<T> awaitVisible(Supplier<Optional<T>> lookup, Duration timeout, Duration firstPause,
                                        Duration longestPause) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = firstPause.toNanos();
        while (true) {
            // Read before looking: a commit between the lookup and the wait still wakes this write.
            long seen = generation();
            Optional<T> found = lookup.get();
            long left = deadline - System.nanoTime();
            if (found.isPresent() || left <= 0) {
                return found;
            }
            try {
                awaitAdvanceAfter(seen, Math.min(pause, left));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return found;
            }
            pause = Math.min(pause * 2, longestPause.toNanos());
        }
    }

    /** A projection or a consumer of this process committed: every waiting write looks again. */
    public static void projectionsAdvanced() {
        LOCK.lock();
        try {
            generation++;
            ADVANCED.signalAll();
        } finally {
            LOCK.unlock();
        }
    }

    private static long generation() {
        LOCK.lock();
        try {
            return generation;
        } finally {
            LOCK.unlock();
        }
    }

    private static void awaitAdvanceAfter(long seen, long nanos) throws InterruptedException {
        LOCK.lock();
        try {
            long left = nanos;
            while (generation == seen && left > 0) {
                left = ADVANCED.awaitNanos(left);
            }
        } finally {
            LOCK.unlock();
        }
    }
}
