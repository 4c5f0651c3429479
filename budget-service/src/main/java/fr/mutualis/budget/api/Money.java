package fr.mutualis.budget.api;

/** Bounds of the amounts the API accepts. */
final class Money {

    /** 10 billion euros: far above any collectivité's digital budget, far below overflow of sums in a long. */
    static final long MAX_CENTS = 1_000_000_000_000L;

    private Money() {
    }
}
