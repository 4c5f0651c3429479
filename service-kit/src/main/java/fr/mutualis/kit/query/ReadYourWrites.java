package fr.mutualis.kit.query;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Read-your-writes for the writes whose result the caller uses straight away. Projections follow the event store
 * asynchronously (a few milliseconds behind), and later requests are authorised against them: a client that creates
 * an instance and schedules its first séance in the next request must not get a 404. Such a write answers only once
 * its result is visible, or after the timeout: the write itself is already durable either way.
 */
public final class ReadYourWrites {

    /** Long enough to cover a projection's usual delay under load, short enough never to hold a client for long. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private static final long FIRST_PAUSE_MILLIS = 2;
    private static final long LONGEST_PAUSE_MILLIS = 50;

    private ReadYourWrites() {
    }

    public static <T> Optional<T> awaitVisible(Supplier<Optional<T>> lookup) {
        return awaitVisible(lookup, DEFAULT_TIMEOUT);
    }

    public static <T> Optional<T> awaitVisible(Supplier<Optional<T>> lookup, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        while (true) {
            Optional<T> found = lookup.get();
            if (found.isPresent() || System.nanoTime() - deadline >= 0) {
                return found;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return found;
            }
            pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
        }
    }
}
