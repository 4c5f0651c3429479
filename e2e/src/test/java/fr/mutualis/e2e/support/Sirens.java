package fr.mutualis.e2e.support;

import java.util.concurrent.atomic.AtomicInteger;

/** Fresh, Luhn-valid SIRENs for collectivités that only one test class uses, so its counts are its own. */
public final class Sirens {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

    public static String next() {
        return fr.mutualis.contracts.Sirens.completing("29" + String.format("%06d", NEXT.getAndIncrement() % 1_000_000));
    }

    private Sirens() {
    }
}
