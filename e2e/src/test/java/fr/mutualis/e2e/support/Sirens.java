package fr.mutualis.e2e.support;

import java.util.concurrent.atomic.AtomicInteger;

/** Fresh, Luhn-valid SIRENs for collectivités that only one test class uses, so its counts are its own. */
public final class Sirens {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

    public static String next() {
        String body = "29" + String.format("%06d", NEXT.getAndIncrement() % 1_000_000);
        for (int check = 0; check <= 9; check++) {
            if (luhnValid(body + check)) {
                return body + check;
            }
        }
        throw new IllegalStateException("unreachable: one check digit always fits");
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    private Sirens() {
    }
}
