package fr.mutualis.gateway.ratelimit;

/**
 * A token bucket of {@code capacity} tokens refilled at {@code tokensPerSecond}, kept in its "virtual scheduling"
 * form (GCRA): instead of a token count it stores the time at which the bucket would be full again. Same decisions,
 * exact integer arithmetic on a nanosecond clock, and no timer thread.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    /** Time one token takes to come back. */
    private final long interval;
    /** How far ahead of now the bucket may be drawn: capacity - 1 tokens. */
    private final long tolerance;
    /** When the bucket is full again; at or before now, it is full. */
    private long fullAt;

    TokenBucket(int capacity, double tokensPerSecond, long now) {
        this.interval = Math.max(1, Math.round(NANOS_PER_SECOND / tokensPerSecond));
        this.tolerance = interval * (capacity - 1L);
        this.fullAt = now;
    }

    /** Takes a token if there is one: returns 0, else how many nanoseconds until one is back. */
    synchronized long tryTake(long now) {
        long drawnUntil = Math.max(fullAt, now);
        long wait = drawnUntil - now - tolerance;
        if (wait > 0) {
            return wait;
        }
        fullAt = drawnUntil + interval;
        return 0;
    }

    /** A full bucket behaves exactly like a new one, so it can be forgotten. */
    synchronized boolean isFull(long now) {
        return fullAt <= now;
    }
}
