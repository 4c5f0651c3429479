package fr.mutualis.governance;

import fr.mutualis.contracts.Sirens;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh valid SIRENs, so that tests sharing a database or a topic never register the same one twice. */
public final class TestSirens {

    public static String random() {
        return Sirens.completing("%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000)));
    }

    private TestSirens() {
    }
}
