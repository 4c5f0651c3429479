package fr.mutualis.contracts;

/**
 * SIRENs, the identifiers of French legal entities and of the platform's tenants: exactly 9 ASCII digits, the last
 * one a Luhn check digit. Every context checks a tenant identifier the same way.
 */
public final class Sirens {

    private Sirens() {
    }

    public static boolean isValid(String candidate) {
        return isLuhnValid(candidate, 9);
    }

    /** Exactly {@code length} ASCII digits whose Luhn sum is a multiple of 10 (SIRENs and SIRETs alike). */
    static boolean isLuhnValid(String candidate, int length) {
        if (candidate == null || candidate.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = candidate.charAt(i);
            // Not Character.isDigit: it accepts non-ASCII digits.
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return luhnSum(candidate) % 10 == 0;
    }

    /** The valid SIREN that starts with these 8 digits (for test data and demo territories). */
    public static String completing(String firstEightDigits) {
        if (firstEightDigits == null || !firstEightDigits.matches("[0-9]{8}")) {
            throw new IllegalArgumentException("Expected 8 digits: " + firstEightDigits);
        }
        return withLuhnCheckDigit(firstEightDigits);
    }

    static String withLuhnCheckDigit(String digits) {
        return digits + (10 - luhnSum(digits + "0") % 10) % 10;
    }

    /** Luhn doubles every second digit from the right (with 9 digits, the odd positions from the left). */
    private static int luhnSum(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum;
    }
}
