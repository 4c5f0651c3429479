package fr.mutualis.governance;

import fr.mutualis.governance.command.Siren;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh valid SIRENs, so that tests sharing a database or a topic never register the same one twice. */
public final class TestSirens {

    public static String random() {
        String prefix = "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
        for (int check = 0; check <= 9; check++) {
            if (Siren.isValid(prefix + check)) {
                return prefix + check;
            }
        }
        throw new IllegalStateException("Luhn always has a check digit");
    }

    private TestSirens() {
    }
}
