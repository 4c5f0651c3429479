package fr.mutualis.kit.api;

/** Bounds of the amounts the API accepts, in euro cents, wherever an amount is written. */
public final class Money {

    /**
     * 10 billion euros: far above any collectivité's digital budget, and far enough below {@code Long.MAX_VALUE} that
     * sums of amounts (a schedule, an arbitration, a year's engagements) never overflow.
     */
    public static final long MAX_CENTS = 1_000_000_000_000L;

    private Money() {
    }
}
